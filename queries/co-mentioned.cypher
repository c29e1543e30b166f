// Entities mentioned in the same turns as an entity (by name or alias), strongest first.
// $name = "区块链"
// $limit = 20
MATCH (a)-[c:CO_MENTIONED]-(b)
WHERE (a.name = $name OR $name IN a.aliases) AND a <> b
RETURN b.name AS entity, c.weight AS turns
ORDER BY turns DESC, entity
LIMIT $limit
