-- The moderators' approved and rejected queues, newest decision first, read a slice at a time: without
-- this index every slice would sort every decided comment ever written.
create index comment_decided_idx on comment (state, decided_at desc, id desc) where state <> 'PENDING';
