// Products that are part of other products or platforms (the product map's backbone).
// $limit = 100
MATCH (p:Product)-[r:PART_OF]->(w:Product)
RETURN w.name AS whole, p.name AS part, size(r.evidence) AS evidence
ORDER BY whole, part
LIMIT $limit
