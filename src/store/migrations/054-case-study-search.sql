-- The library's search reads the GIN index of the case studies' words
-- (issue 21). With GIN's fast update, new entries wait in a pending list,
-- unsorted, until a vacuum or a full list (4 MB) merges them; every search in
-- between reads the whole list. Right after a load of case studies that was
-- some 380 pages, read by each search. Case studies are written by hand, a
-- few a day, so each is put straight into the index instead, and the list
-- left now is merged at once.
alter index case_study_document set (fastupdate = off);
alter index case_study_themes set (fastupdate = off);
select gin_clean_pending_list('case_study_document'::regclass);
select gin_clean_pending_list('case_study_themes'::regclass);
