// The most mentioned technologies across all transcripts.
// $limit = 15
MATCH (u:Utterance)-[m:MENTIONS]->(t:Technology)
RETURN t.name AS technology, sum(m.count) AS mentions, count(DISTINCT u) AS turns
ORDER BY mentions DESC, technology
LIMIT $limit
