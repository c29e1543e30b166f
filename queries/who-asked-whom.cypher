// Who asked whom: askers, the officials who answered them and how many questions.
// $limit = 100
MATCH (a:Person)-[r:ASKED]->(b:Person)
RETURN a.name AS asker, b.name AS answerer, r.count AS questions
ORDER BY questions DESC, asker, answerer
LIMIT $limit
