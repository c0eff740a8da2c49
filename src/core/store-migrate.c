/*
 * store-migrate.c -- the schema, as an ordered list of migrations.
 *
 * Migration N takes a database from user_version N-1 to N.  All the
 * missing steps run in one transaction: a power cut half-way leaves the
 * old database as it was.  Never edit a released step; add a new one.
 */
#include "config.h"

#include <stdio.h>

#include "intl.h"
#include "store-private.h"

/* Version 1: organizations, agreements, letters, recipients, attachments,
 * number counters, settings, the event log.  Every row that may travel to
 * another office has a random 128-bit uid beside its integer key. */
static const char migration_1[] =
"CREATE TABLE settings ("
"  key   TEXT PRIMARY KEY,"
"  value TEXT NOT NULL"
") WITHOUT ROWID;"

/* AUTOINCREMENT: an id once printed is never given to another row, even
 * after a delete, so that "letter 12" means one letter for ever. */
"CREATE TABLE organizations ("
"  id          INTEGER PRIMARY KEY AUTOINCREMENT,"
"  uid         TEXT NOT NULL UNIQUE,"
"  name        TEXT NOT NULL CHECK (length(name) BETWEEN 1 AND 1000),"
"  name_key    TEXT NOT NULL UNIQUE,"
"  short_name  TEXT,"
"  short_key   TEXT,"		/* name keys: NFC, Vietnamese lower case */
"  code        TEXT,"
"  code_key    TEXT,"
"  level       TEXT,"
"  superior_id INTEGER REFERENCES organizations(id) ON DELETE SET NULL,"
"  contact     TEXT,"
"  is_self     INTEGER NOT NULL DEFAULT 0 CHECK (is_self IN (0, 1)),"
"  created     TEXT NOT NULL,"
"  updated     TEXT NOT NULL"
");"
"CREATE INDEX organizations_short ON organizations(short_key);"
"CREATE INDEX organizations_code ON organizations(code_key);"

"CREATE TABLE agreements ("
"  id            INTEGER PRIMARY KEY AUTOINCREMENT,"
"  uid           TEXT NOT NULL UNIQUE,"
"  number        TEXT NOT NULL UNIQUE,"
"  date          TEXT,"
"  issuer_id     INTEGER REFERENCES organizations(id),"
"  title         TEXT NOT NULL DEFAULT '',"
"  superseded_by INTEGER REFERENCES agreements(id) ON DELETE SET NULL,"
"  created       TEXT NOT NULL,"
"  updated       TEXT NOT NULL"
");"
"CREATE TABLE agreement_parties ("
"  agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,"
"  position     INTEGER NOT NULL,"
"  org_id       INTEGER NOT NULL REFERENCES organizations(id),"
"  PRIMARY KEY (agreement_id, position)"
") WITHOUT ROWID;"

"CREATE TABLE letters ("
"  id             INTEGER PRIMARY KEY AUTOINCREMENT,"
"  uid            TEXT NOT NULL UNIQUE,"
"  direction      TEXT NOT NULL CHECK (direction IN ('in', 'out')),"
"  reg_year       INTEGER NOT NULL,"
"  register_no    INTEGER,"
"  number         TEXT NOT NULL DEFAULT '',"
"  type           TEXT NOT NULL DEFAULT '',"
"  date           TEXT NOT NULL,"
"  received       TEXT,"
"  issuer_id      INTEGER NOT NULL REFERENCES organizations(id),"
"  signer         TEXT NOT NULL DEFAULT '',"
"  subject        TEXT NOT NULL CHECK (length(subject) BETWEEN 1 AND 2000),"
"  body           TEXT CHECK (body IS NULL OR length(CAST(body AS BLOB)) <= 10485760),"
"  classification TEXT NOT NULL DEFAULT 'none'"
"                 CHECK (classification IN ('none', 'mat', 'toi-mat', 'tuyet-mat')),"
"  urgency        TEXT NOT NULL DEFAULT 'none'"
"                 CHECK (urgency IN ('none', 'khan', 'thuong-khan', 'hoa-toc')),"
"  agreement_id   INTEGER REFERENCES agreements(id) ON DELETE SET NULL,"
"  reply_required INTEGER NOT NULL DEFAULT 0 CHECK (reply_required IN (0, 1)),"
"  due            TEXT,"
"  in_reply_to    INTEGER REFERENCES letters(id) ON DELETE SET NULL,"
"  status         TEXT NOT NULL DEFAULT 'registered',"
"  handler        TEXT NOT NULL DEFAULT '',"
"  notes          TEXT NOT NULL DEFAULT '',"
"  created        TEXT NOT NULL,"
"  updated        TEXT NOT NULL"
");"
/* The register book of a year in the order letters were entered (the
 * rowid follows the key), as a paper book is written: `letter list`. */
"CREATE INDEX letters_book ON letters(reg_year, direction);"
/* Số đến is unique within a year's incoming register. */
"CREATE UNIQUE INDEX letters_in_no ON letters(reg_year, register_no)"
"  WHERE direction = 'in';"
"CREATE INDEX letters_issuer ON letters(issuer_id);"
"CREATE INDEX letters_due ON letters(due) WHERE due IS NOT NULL;"
"CREATE INDEX letters_reply ON letters(in_reply_to)"
"  WHERE in_reply_to IS NOT NULL;"

"CREATE TABLE letter_recipients ("
"  letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,"
"  position  INTEGER NOT NULL,"
"  org_id    INTEGER NOT NULL REFERENCES organizations(id),"
"  PRIMARY KEY (letter_id, position)"
") WITHOUT ROWID;"
"CREATE INDEX letter_recipients_org ON letter_recipients(org_id);"

"CREATE TABLE attachments ("
"  id        INTEGER PRIMARY KEY AUTOINCREMENT,"
"  uid       TEXT NOT NULL UNIQUE,"
"  letter_id INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,"
"  name      TEXT NOT NULL,"
"  size      INTEGER NOT NULL CHECK (size BETWEEN 0 AND 26214400),"
"  data      BLOB NOT NULL,"
"  created   TEXT NOT NULL"
");"
"CREATE INDEX attachments_letter ON attachments(letter_id);"

/* Number series: last number given, never lowered, so a number is
 * never given twice even after a delete. */
"CREATE TABLE counters ("
"  series TEXT PRIMARY KEY,"
"  last   INTEGER NOT NULL"
") WITHOUT ROWID;"

/* The committee's terms (nhiệm kỳ) by their first day: Party numbers run
 * per type through a term, so a late letter of the old term keeps the old
 * term's counter after a new term is recorded. */
"CREATE TABLE terms ("
"  start TEXT PRIMARY KEY"
") WITHOUT ROWID;"

"CREATE TABLE events ("
"  id         INTEGER PRIMARY KEY AUTOINCREMENT,"
"  uid        TEXT NOT NULL UNIQUE,"
"  at         TEXT NOT NULL,"
"  who        TEXT NOT NULL,"
"  entity     TEXT NOT NULL,"
"  entity_id  INTEGER NOT NULL,"
"  entity_uid TEXT,"
"  action     TEXT NOT NULL CHECK (action IN ('insert', 'update', 'delete')),"
"  before     TEXT,"
"  after      TEXT"
");"
"CREATE INDEX events_entity ON events(entity, entity_id);";

/* Version 2: agreements as data (content items, reply rule, periodic
 * rules, escalation chain), the life of a request (case actions), and the
 * obligations generated from periodic rules. */
static const char migration_2[] =
"ALTER TABLE agreements ADD COLUMN reply_days INTEGER;"
"ALTER TABLE agreements ADD COLUMN reply_workdays INTEGER NOT NULL DEFAULT 1;"
"ALTER TABLE agreements ADD COLUMN reply_is_default INTEGER NOT NULL DEFAULT 1;"
"ALTER TABLE agreements ADD COLUMN reply_lead TEXT NOT NULL DEFAULT '2,0';"
"ALTER TABLE agreements ADD COLUMN reply_grace INTEGER NOT NULL DEFAULT 2;"
"ALTER TABLE agreements ADD COLUMN reply_source TEXT;"
"ALTER TABLE agreements ADD COLUMN supersedes TEXT;"
"ALTER TABLE agreements ADD COLUMN source_file TEXT;"

"CREATE TABLE agreement_items ("
"  agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,"
"  position     INTEGER NOT NULL,"
"  text         TEXT NOT NULL,"
"  PRIMARY KEY (agreement_id, position)"
") WITHOUT ROWID;"

"CREATE TABLE periodic_rules ("
"  id           INTEGER PRIMARY KEY AUTOINCREMENT,"
"  uid          TEXT NOT NULL UNIQUE,"
"  agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,"
"  key          TEXT NOT NULL,"
"  name         TEXT NOT NULL,"
"  kind         TEXT NOT NULL CHECK (kind IN ('half-year', 'year', 'term-end')),"
"  month        INTEGER NOT NULL, day INTEGER NOT NULL,"
"  month2       INTEGER NOT NULL DEFAULT 0, day2 INTEGER NOT NULL DEFAULT 0,"
"  before       INTEGER NOT NULL DEFAULT 1,"
"  dayoff       TEXT NOT NULL DEFAULT 'previous'"
"               CHECK (dayoff IN ('previous', 'keep', 'next')),"
"  who          TEXT, to_body TEXT, source TEXT,"
"  active       INTEGER NOT NULL DEFAULT 1,"
"  UNIQUE (agreement_id, key)"
");"

"CREATE TABLE escalation_steps ("
"  agreement_id INTEGER NOT NULL REFERENCES agreements(id) ON DELETE CASCADE,"
"  level        INTEGER NOT NULL,"
"  body         TEXT NOT NULL,"
"  via          TEXT,"
"  when_text    TEXT,"
"  PRIMARY KEY (agreement_id, level)"
") WITHOUT ROWID;"

/* One row per period of a periodic rule: due date, and the letter that
 * fulfilled it.  Generated, never typed. */
"CREATE TABLE obligations ("
"  id         INTEGER PRIMARY KEY AUTOINCREMENT,"
"  uid        TEXT NOT NULL UNIQUE,"
"  rule_id    INTEGER NOT NULL REFERENCES periodic_rules(id) ON DELETE CASCADE,"
"  period     TEXT NOT NULL,"
"  due        TEXT NOT NULL,"
"  letter_id  INTEGER REFERENCES letters(id) ON DELETE SET NULL,"
"  UNIQUE (rule_id, period)"
");"
"CREATE INDEX obligations_due ON obligations(due) WHERE letter_id IS NULL;"

/* What happened to a request: replied, extended, reminded, disagreed,
 * escalated, directed, resolved.  The letter's status is the latest. */
"CREATE TABLE case_actions ("
"  id          INTEGER PRIMARY KEY AUTOINCREMENT,"
"  uid         TEXT NOT NULL UNIQUE,"
"  letter_id   INTEGER NOT NULL REFERENCES letters(id) ON DELETE CASCADE,"
"  action      TEXT NOT NULL,"
"  on_date     TEXT NOT NULL,"
"  related_id  INTEGER REFERENCES letters(id) ON DELETE SET NULL,"
"  level       INTEGER,"
"  target      TEXT,"
"  new_due     TEXT,"
"  text        TEXT,"
"  created     TEXT NOT NULL"
");"
"CREATE INDEX case_actions_letter ON case_actions(letter_id);"

"ALTER TABLE letters ADD COLUMN escalation_level INTEGER NOT NULL DEFAULT 0;"
"ALTER TABLE letters ADD COLUMN replied_on TEXT;"
/* The open cases, for the morning list: small however large the book. */
"CREATE INDEX letters_open ON letters(due) WHERE status IN"
"  ('awaiting-reply', 'extended', 'reminded', 'disagreed', 'escalated',"
"  'directed');";

/*
 * Version 3: the full-text index (store-search.c).  Its content is the
 * view letters_text, so no text is stored twice; recipients are joined in
 * their order on the letter, which must never change between indexing a
 * letter and forgetting it.  'rebuild' indexes the letters already there.
 */
static const char migration_3[] =
/* The windows of a register (ph_store_letter_window()): one index per
 * sort, led by the register book (direction, year), so that a screen of
 * a book is a range of one index and the books of a register without a
 * year are merged a screen at a time; the rowid ending each index is the
 * tie-break.  The subject is sorted by lower(subject), an expression the
 * index holds (see store-letter.c); organizations are sorted through
 * their name_key index and letters_w_issuer. */
"CREATE INDEX letters_w_register ON letters(direction, reg_year, register_no);"
"CREATE INDEX letters_w_date ON letters(direction, reg_year, date);"
"CREATE INDEX letters_w_number ON letters(direction, reg_year, number);"
"CREATE INDEX letters_w_subject ON letters(direction, reg_year, lower(subject));"
"CREATE INDEX letters_w_due ON letters(direction, reg_year, due);"
"CREATE INDEX letters_w_status ON letters(direction, reg_year, status);"
"CREATE INDEX letters_w_issuer ON letters(issuer_id, direction, reg_year);"
"CREATE VIEW letters_text AS SELECT l.id AS id, l.subject AS subject,"
"  l.number AS number, o.name AS issuer,"
"  (SELECT group_concat(name, '; ') FROM"
"    (SELECT r.name AS name FROM letter_recipients lr"
"     JOIN organizations r ON r.id = lr.org_id"
"     WHERE lr.letter_id = l.id ORDER BY lr.position)) AS recipients,"
"  l.signer AS signer, l.body AS body, l.notes AS notes"
"  FROM letters l JOIN organizations o ON o.id = l.issuer_id;"
"CREATE VIRTUAL TABLE letters_fts USING fts5(subject, number, issuer,"
"  recipients, signer, body, notes, content = 'letters_text',"
"  content_rowid = 'id', tokenize = 'phoihop');"
"INSERT INTO letters_fts(letters_fts) VALUES ('rebuild');"
/* Every word the index has ever held, for finding the variants of a
 * word one edit away without reading doclists (store-search.c). */
"CREATE TABLE search_terms (term TEXT PRIMARY KEY) WITHOUT ROWID;"
"CREATE VIRTUAL TABLE temp.letters_vocab USING fts5vocab(main, letters_fts, row);"
"INSERT INTO search_terms SELECT term FROM temp.letters_vocab;"
"DROP TABLE temp.letters_vocab;";

static const char *const migrations[] = {
	migration_1,
	migration_2,
	migration_3,
};

enum ph_status
store_migrate(struct ph_store *st, int from, struct ph_error *err)
{
	enum ph_status	s;
	char		sql[96];
	int		v;

	if ((s = store_exec(st, "BEGIN IMMEDIATE", err)) != PH_OK)
		return s;
	for (v = from; v < PH_SCHEMA_VERSION; v++) {
		if ((s = store_exec(st, migrations[v], err)) != PH_OK)
			goto fail;
	}
	snprintf(sql, sizeof sql, "PRAGMA application_id=%d; PRAGMA user_version=%d",
	    PH_APPLICATION_ID, PH_SCHEMA_VERSION);
	if ((s = store_exec(st, sql, err)) != PH_OK)
		goto fail;
	if ((s = store_exec(st, "COMMIT", err)) != PH_OK)
		goto fail;
	return PH_OK;
fail:
	sqlite3_exec(st->db, "ROLLBACK", NULL, NULL, NULL);
	return s;
}
