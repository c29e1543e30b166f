// Quantitative claims about an entity (by name or alias), largest first.
// $name = "中国工商银行"
MATCH (f:Figure)-[:ABOUT]->(e)
WHERE e.name = $name OR $name IN e.aliases
RETURN f.text AS figure, f.value AS value, f.unit AS unit, f.approx AS approx, f.metric AS metric
ORDER BY value DESC, figure
