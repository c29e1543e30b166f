// Speakers by number of turns, with their role.
// $limit = 20
MATCH (p:Person)-[:SAID]->(u:Utterance)
RETURN p.name AS speaker, p.role AS role, count(u) AS turns
ORDER BY turns DESC, speaker
LIMIT $limit
