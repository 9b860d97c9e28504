-- Indexes found with bench/search's PostgreSQL log over 100,000 stories.

-- Two statements run in the background of every app, every few seconds, whatever the traffic.
-- Without these each read its whole table: the embargo-lift look-up took 117 ms once a second
-- (188 MB of article rows) and the outbox's resubmission look-up 217 ms every few seconds (800,000
-- completed publications), both pushing the feed pages' rows out of the buffer cache. Each index
-- holds only the rows its look-up is after, so it stays small as the newsroom grows.

-- EmbargoLifts: live stories whose embargo may have run out. Only embargoed stories are in it.
create index article_embargo_idx on article (embargo_until)
    where state = 'PUBLISHED' and embargo_until is not null;

-- Spring Modulith 2.0's look-ups of incomplete publications (resubmission, and the outstanding ones
-- at start) ask for "completion_date is null or status <> 'COMPLETED'" (or status = 'PROCESSING'),
-- which the index on completion_date cannot answer; completed publications are kept, so the table
-- only grows. This one holds the open publications alone, in the order the look-ups read them.
create index event_publication_open_idx on event_publication (publication_date)
    where completion_date is null or status <> 'COMPLETED';

-- A feed page asks how each of its 50 stories' public versions was made (when, which action, a
-- correction's note). By the primary key that read every revision of each story (four or more,
-- each with the whole content); this finds the one revision directly: 2 ms instead of 4 for a page
-- whose rows were not in the buffer cache.
create index article_revision_public_idx on article_revision (article_id, public_version, version desc)
    where public_version is not null;
