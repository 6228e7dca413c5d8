package exp
import ("testing";"inreach/schema";"fmt";"time")
func TestX(t *testing.T){
 db,_:=schema.OpenMemory()
 for _,q:=range []string{
  `EXPLAIN QUERY PLAN DELETE FROM search_index WHERE rowid IN (SELECT id FROM search_keys WHERE kind='x' AND ref='a' AND sub='')`,
  `EXPLAIN QUERY PLAN INSERT INTO search_index(rowid, kind, ref, person, title, body) SELECT k.id, 'contact_note', b.ref, b.person, coalesce(b.title, ''), coalesce(b.body, '') FROM (SELECT * FROM (SELECT cp.contact_id AS ref, cp.person_id AS sub, cp.person_id AS person, '' AS title, cp.note AS body FROM contact_people cp WHERE cp.contact_id = 'a' AND cp.person_id = 'b') WHERE coalesce(title, '') <> '' OR coalesce(body, '') <> '') b JOIN search_keys k ON k.kind = 'contact_note' AND k.ref = b.ref AND k.sub = b.sub`,
 }{
  rows,err:=db.Query(q); if err!=nil{t.Fatal(err)}
  for rows.Next(){var a,b,c int; var d string; rows.Scan(&a,&b,&c,&d); t.Log(d)}
  rows.Close()
 }
 db.Exec(`INSERT INTO people(id,name) VALUES('p','x')`)
 tx,_:=db.Begin()
 s:=time.Now()
 for i:=0;i<2000;i++{ tx.Exec(`INSERT INTO contacts(id,date,kind) VALUES(?,?,?)`,fmt.Sprint("c",i),"2020-01-01","phone"); if _,err:=tx.Exec(`INSERT INTO contact_people(contact_id,person_id,note) VALUES(?,?,?)`,fmt.Sprint("c",i),"p","hello there how are you today");err!=nil{t.Fatal(err)} 
  if i%500==499 {t.Log(i, time.Since(s))}}
 tx.Commit()
}
