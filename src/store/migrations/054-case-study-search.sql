-- The library's search (issue 21) reads, for every case study its words
-- match, the row's state, dates and `lead` (the title and summary's vector
-- it is ranked by): some 18,000 rows for a common word among 20,000, and
-- most of a search's time goes on visiting them.
--
-- Narrower rows: the title and summary are kept out of line, uncompressed,
-- once a row is past 256 bytes (the body and the document vector already
-- were), so that a row holds what the search reads and its page holds twice
-- as many; they are read back for the page's twenty rows alone. `lead`
-- stays in the row, never compressed, so that ranking unpacks nothing, and
-- so do the themes, which a filter tests on every row found. Over
-- 20,000 case studies the table went from 22 to 12 MB, and a search used a
-- tenth to a sixth less of the server's processor. The rows held now are
-- written again so that they are kept so too.
alter table case_study
  alter column title set storage external,
  alter column summary set storage external,
  alter column lead set storage main,
  alter column themes set storage main,
  set (toast_tuple_target = 256);
update case_study set title = title, themes = array_cat(themes, '{}');

-- With GIN's fast update, new entries wait in a pending list, unsorted,
-- until a vacuum or a full list (4 MB) merges them, and every search in
-- between reads the whole list: right after a load of case studies some 380
-- pages, about 3 ms of each search. Case studies are written by hand, a few
-- a day, so each is put straight into the index instead, and the list left
-- now is merged at once.
alter index case_study_document set (fastupdate = off);
alter index case_study_themes set (fastupdate = off);
select gin_clean_pending_list('case_study_document'::regclass);
select gin_clean_pending_list('case_study_themes'::regclass);
