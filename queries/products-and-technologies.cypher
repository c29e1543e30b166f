// Products and the technologies they use, with how many turns state it.
// $limit = 100
MATCH (p:Product)-[u:USES]->(t:Technology)
RETURN p.name AS product, t.name AS technology, size(u.evidence) AS evidence
ORDER BY product, technology
LIMIT $limit
