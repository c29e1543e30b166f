// A person's organisations, with title and department as introduced.
// $name = "吕仲涛"
MATCH (p:Person)-[a:AFFILIATED_WITH]->(o:Organization)
WHERE p.name = $name OR $name IN p.aliases
RETURN p.name AS person, o.name AS organization, a.title AS title, a.department AS department
ORDER BY organization
