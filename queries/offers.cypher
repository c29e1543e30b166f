// Which organisations offer which products, as stated in the transcripts.
// $limit = 100
MATCH (o:Organization)-[r:OFFERS]->(p:Product)
RETURN o.name AS organization, p.name AS product, size(r.evidence) AS evidence
ORDER BY organization, product
LIMIT $limit
