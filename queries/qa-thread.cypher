// The question and answer thread of a transcript: each question and the turns answering it.
// $transcript = "icbc-2018-04-26-press-conference"
MATCH (a:Utterance)-[:ANSWERS]->(q:Utterance)
WHERE q.transcript = $transcript
RETURN q.seq AS question, q.speaker AS asked_by, q.time AS asked_at, a.seq AS answer, a.speaker AS answered_by, a.time AS answered_at
ORDER BY question, answer
