// Products a speaker mentioned, most mentioned first.
// $speaker = "吴翔江"
MATCH (p:Person)-[m:MENTIONED]->(x:Product)
WHERE p.name = $speaker OR $speaker IN p.aliases
RETURN x.name AS product, m.count AS mentions
ORDER BY mentions DESC, product
