// Who answered the questions asked by reporters of an outlet, and how many answer turns each gave.
// $outlet = "上海证券报"
MATCH (o:Organization)<-[:AFFILIATED_WITH]-(r:Person)-[:SAID]->(q:Utterance)<-[:ANSWERS]-(a:Utterance)<-[:SAID]-(p:Person)
WHERE o.name = $outlet OR $outlet IN o.aliases
RETURN p.name AS answerer, count(a) AS answer_turns, count(DISTINCT q) AS questions
ORDER BY answer_turns DESC, answerer
