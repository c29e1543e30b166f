// What each media outlet asked about: the entities named in its reporters' questions.
// $limit = 50
MATCH (o:Organization)<-[:AFFILIATED_WITH]-(r:Person)-[:SAID]->(q:Utterance)-[:MENTIONS]->(e)
WHERE q.is_question = true AND o.kind = "media" AND e <> o
RETURN o.name AS outlet, e.name AS topic, count(DISTINCT q) AS questions
ORDER BY outlet, questions DESC, topic
LIMIT $limit
