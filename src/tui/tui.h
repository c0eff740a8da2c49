/*
 * tui.h -- the terminal front end: what its files share.
 *
 * The TUI is a stack of screens over one open store.  tui.c owns the
 * terminal (curses set-up, the main loop, signals, resize, the title and
 * bottom bars, the message line, help); each tui-*.c screen owns its
 * state and draws only inside the body area it is given.  Screens call
 * the core, never SQLite; all text goes to the terminal through
 * tui_put() (tui-draw.c), which escapes control characters and falls back
 * to ASCII in a terminal that is not UTF-8.
 */
#ifndef PH_TUI_H
#define PH_TUI_H

#include <stddef.h>
#include <stdint.h>
#include <wchar.h>

#include "core.h"
#include "clock.h"
#include "flow.h"

/* ---- what main.c hands over */
struct tui_opts {
	const char	*db_path;	/* resolved; the file must exist */
	const char	*datadir;
	const char	*lang;		/* "vi" or "en" */
	int		 demo;
};
/* Run the UI until the clerk quits; returns the process exit status. */
int	tui_main(const struct tui_opts *o);

/* ---- keys: what a screen's key handler receives */
struct tui_key {
	wint_t	ch;		/* a character (is_key 0) or KEY_* (is_key 1) */
	int	is_key;
	int	mouse_y, mouse_x;	/* for KEY_MOUSE: the click, body-relative */
	int	mouse_button;		/* 1 left, 4 wheel up, 5 wheel down */
};
/* What a key handler says back. */
enum tui_result {
	TUI_UNHANDLED = 0,	/* let tui.c try its global keys */
	TUI_HANDLED,		/* done; redraw what changed */
	TUI_CLOSE		/* pop this screen */
};

/* ---- screens */
struct tui;
struct tui_screen;

/* One row of a screen's help: "Enter" "open the letter" (msgids). */
struct tui_keyhelp {
	const char	*keys;
	const char	*what;
};

struct tui_screen_ops {
	const char		*title;		/* msgid, shown in the title bar */
	/* Load or reload the screen's data (on entry, after another
	 * process changed the database, after a screen above it closed). */
	void			(*load)(struct tui *, struct tui_screen *);
	/* Draw the body: rows [top, top + h), all columns. */
	void			(*draw)(struct tui *, struct tui_screen *,
				    int top, int h, int w);
	enum tui_result		(*key)(struct tui *, struct tui_screen *,
				    const struct tui_key *);
	/* Save unsaved typing as a draft (SIGHUP, SIGTERM); may be NULL. */
	void			(*save_draft)(struct tui *, struct tui_screen *);
	void			(*destroy)(struct tui_screen *);
	const struct tui_keyhelp *help;		/* ends with { NULL, NULL } */
	const struct tui_keyhelp *bar;		/* the few keys for the bottom bar */
};

struct tui_screen {
	const struct tui_screen_ops	*ops;
	void				*state;		/* the screen's own */
	int				 dirty;		/* body needs a redraw */
};

/* Push a screen (STATE owned by it from now on) and load it. */
void	tui_push(struct tui *t, const struct tui_screen_ops *ops, void *state);
/* Say something on the message line until the next key: INFO or ERROR. */
void	tui_say(struct tui *t, int error, const char *fmt, ...)
	    __attribute__((format(printf, 3, 4)));
/* Ask a yes/no question on the message line; 1 for yes. */
int	tui_confirm(struct tui *t, const char *question);

/* What screens may use of the application. */
struct ph_store		*tui_store(struct tui *t);
struct ph_calendar	*tui_calendar(struct tui *t);
struct ph_date		 tui_today(struct tui *t);
const char		*tui_datadir(struct tui *t);
int			 tui_utf8(struct tui *t);	/* terminal is UTF-8 */
int			 tui_color(struct tui *t);	/* colours allowed */

/* The screens, for tui.c's menu and for each other. */
extern const struct tui_screen_ops tui_dash_ops;	/* Hôm nay */
extern const struct tui_screen_ops tui_register_ops;	/* Sổ đến / đi */
extern const struct tui_screen_ops tui_letter_ops;	/* one letter */
extern const struct tui_screen_ops tui_search_ops;	/* Tìm kiếm */
/* Open letter ID on top of the current screen. */
void	tui_open_letter(struct tui *t, int64_t id);
/* Open a register (PH_DIR_IN or PH_DIR_OUT). */
void	tui_open_register(struct tui *t, enum ph_direction dir);
void	tui_open_search(struct tui *t, const char *query);

/* ---- drawing (tui-draw.c) */
/* Attributes a screen may ask for; tui-draw.c maps them to colours or to
 * bold/reverse/underline when colour is off. */
enum tui_attr {
	TUI_A_NORMAL = 0,
	TUI_A_TITLE,		/* title and bottom bars */
	TUI_A_HEADER,		/* column headers, section titles */
	TUI_A_SELECTED,		/* the selected row */
	TUI_A_OVERDUE,		/* late: also marked with "!" by the screen */
	TUI_A_SOON,		/* due soon */
	TUI_A_MATCH,		/* a search hit in a snippet */
	TUI_A_DIM,		/* secondary text */
	TUI_A_ERROR		/* the message line, for an error */
};
void	tui_draw_init(int utf8, int color);
/* Write S (UTF-8 from anywhere: the database included) at Y, X in at
 * most WIDTH columns: control characters shown escaped (^A, \x9b), a
 * string too long cut with "…" ("~" in ASCII), padded with spaces to
 * WIDTH when PAD.  In a terminal that is not UTF-8, letters lose their
 * marks (Đảng -> Dang) rather than show as mojibake.  Returns the
 * columns written. */
int	tui_put(int y, int x, const char *s, int width, enum tui_attr a,
	    int pad);
/* Columns S takes as tui_put() would draw it (escapes included). */
int	tui_width(const char *s);
/* Blank rows [top, top + h) of the body. */
void	tui_clear_rows(int top, int h);

/* ---- the line editor (tui-edit.c) */
struct tui_edit {
	char		*text;		/* NFC UTF-8, owned */
	size_t		 len, cap;
	size_t		 cursor;	/* byte offset, on a grapheme boundary */
	size_t		 scroll;	/* first byte shown */
	size_t		 max_chars;	/* 0: no limit */
	/* The built-in typing method (F9 cycles off/Telex/VNI): the keys
	 * of the word being typed, replayed through ph_viet_input_word(). */
	int		 method;	/* -1 off, else enum ph_input_method */
	enum ph_tone_style style;
	char		 keys[64];
	size_t		 nkeys, word_start;
};
void	tui_edit_init(struct tui_edit *e, const char *text, size_t max_chars);
void	tui_edit_release(struct tui_edit *e);
void	tui_edit_set(struct tui_edit *e, const char *text);
/* Apply one key; returns 1 if the editor used it (text or cursor moved),
 * 0 for keys it leaves to the form (Enter, Tab, Esc, arrows up/down). */
int	tui_edit_key(struct tui_edit *e, const struct tui_key *k);
/* Draw the field at Y, X in WIDTH columns; the terminal cursor is put at
 * the editing point when FOCUSED. */
void	tui_edit_draw(struct tui_edit *e, int y, int x, int width,
	    int focused);

/* ---- forms (tui-form.c): labelled fields over tui_edit */
struct ph_draft;
enum tui_field_kind {
	TUI_FIELD_TEXT,
	TUI_FIELD_DATE,		/* dd/mm/yyyy, yyyy-mm-dd, h (today), +N
				 * (N working days after today) */
	TUI_FIELD_ORG,		/* an organization, suggested as typed */
	TUI_FIELD_NUMBER,	/* digits only */
	TUI_FIELD_CHOICE,	/* one of a keyword table; Space cycles */
	TUI_FIELD_LONG		/* pages of text, shown as a summary; Enter
				 * writes it in the clerk's text editor */
};
struct tui_field {
	const char		*name;		/* for drafts: "subject" */
	const char		*label;		/* msgid */
	enum tui_field_kind	 kind;
	int			 required;
	struct tui_edit		 edit;
	char			*initial;	/* text as set up: not "typed" */
	const struct ph_keyword	*choices;	/* TUI_FIELD_CHOICE */
	int			 choice;	/* index into CHOICES */
	char			*error;		/* from the last check, or NULL */
	const char		*hint;		/* msgid shown under the field
						 * while it has the focus */
	struct ph_date		 date;		/* DATE, after a check */
	long			 number;	/* NUMBER, after a check */
	/* ORG: the first matches of the text, the one picked (-1 none),
	 * and whether the text names no known organization. */
	char			*sugg[5];
	size_t			 nsugg;
	int			 pick, is_new, hide;
};
struct tui_form {
	struct tui_field	*f;
	size_t			 n, cur;
	int			 scroll;	/* first body row shown */
	struct ph_strv		 orgs, folded;	/* known organizations */
	int			 orgs_loaded;
};
void	tui_form_init(struct tui_form *fm);
void	tui_form_release(struct tui_form *fm);
/* Add a field (NAME and LABEL are static strings); TEXT is its initial
 * value.  The field is borrowed: valid until the next add. */
struct tui_field *tui_form_add(struct tui_form *fm, const char *name,
	    const char *label, enum tui_field_kind kind, const char *text,
	    size_t max_chars);
struct tui_field *tui_form_field(struct tui_form *fm, const char *name);
/* The text of field NAME ("" when the form has none). */
const char *tui_form_text(struct tui_form *fm, const char *name);
/* Tone placement for what the built-in typing method writes. */
void	tui_form_set_style(struct tui_form *fm, enum ph_tone_style style);
/* ... the one the register keeps (init --tone-style), if it says. */
void	tui_form_unit_style(struct tui *t, struct tui_form *fm);
/* Forget the organizations read, after the store changed. */
void	tui_form_reload(struct tui_form *fm);
/* Apply a key: 1 if the form used it (Save, Esc are the screen's). */
int	tui_form_key(struct tui *t, struct tui_form *fm,
	    const struct tui_key *k);
void	tui_form_draw(struct tui *t, struct tui_form *fm, int top, int h,
	    int w);
/* A key on a screen that is a form, the same on every one: F10 or Ctrl-S
 * says *ACT = TUI_FORM_SAVE; Esc, after asking QUESTION when something
 * was typed, TUI_FORM_LEAVE (the screen forgets its draft and closes);
 * otherwise TUI_FORM_NONE and the key's result: used by the form, or any
 * other character (so that "q" is typing and nothing leaves a form by
 * accident) TUI_HANDLED, and the rest (F-keys) TUI_UNHANDLED for the
 * global keys. */
enum tui_form_action { TUI_FORM_NONE, TUI_FORM_SAVE, TUI_FORM_LEAVE };
enum tui_result	tui_form_screen_key(struct tui *t, struct tui_form *fm,
	    const struct tui_key *k, const char *question,
	    enum tui_form_action *act);
/* Check every field (required, dates, numbers), setting their errors
 * and moving to the first field in error; returns that field, or NULL
 * when all are good. */
struct tui_field *tui_form_check(struct tui *t, struct tui_form *fm);
/* 1 if any field differs from what it was set up with. */
int	tui_form_changed(const struct tui_form *fm);
void	tui_form_to_draft(const struct tui_form *fm, struct ph_draft *d);
void	tui_form_from_draft(struct tui_form *fm, const struct ph_draft *d);

/* ---- the clerk's text editor (tui-editor.c) */
/* Edit *TEXT (NULL: empty) in $VISUAL, $EDITOR, nano or vi, curses set
 * aside meanwhile; *TEXT is replaced (freed here) by what was saved.  An
 * error (no editor, not UTF-8, over MAX bytes, the editor failing) leaves
 * *TEXT as it was. */
enum ph_status	tui_editor_run(struct tui *t, char **text, size_t max,
		    struct ph_error *err);

/* ---- the letter's form (tui-letterform.c) */
/* A new letter of direction DIR: incoming (số đến given on saving) or
 * outgoing (its number proposed for its type). */
void	tui_open_letterform(struct tui *t, enum ph_direction dir);
/* Change letter ID's fields; refused on saving if another process
 * changed the letter since (the typing is kept). */
void	tui_open_letteredit(struct tui *t, int64_t id);
/* 1 if SC is the form of a new letter of direction DIR. */
int	tui_is_letterform(const struct tui_screen *sc, enum ph_direction dir);
/* At start: offer the drafts of letters being typed when the connection
 * dropped. */
void	tui_letterform_offer_drafts(struct tui *t);
/* The database file open, for drafts. */
const char *tui_db_path(struct tui *t);
/* A draft's save time (ISO 8601) as the clerk reads it: "20/11/2026
 * 09:05". */
void	tui_draft_when(const char *saved, char buf[32]);

/* ---- a new organization with its details (tui-orgform.c) */
/* Opened from an organization field holding NAME, not yet known; on
 * saving the organization is stored and the form under it reloads. */
void	tui_open_orgform(struct tui *t, const char *name);

/* ---- the read-only screens (tui-agreement.c, tui-calendar.c) */
/* "Quy chế": the agreements, each one in a pager. */
void	tui_open_agreements(struct tui *t);
/* "Lịch": a month with lunar dates, days off and deadlines. */
void	tui_open_calendar(struct tui *t);

/* ---- the case actions that need typing (tui-caseform.c) */
/* On letter ID, whose case must be open: KEY 'r' a reply, 'e' a new due
 * date, 'd' a disagreement, 'D' a direction received. */
void	tui_open_caseform(struct tui *t, int64_t id, int key);
/* At start: offer the drafts of these forms ("case-ACTION:ID"), one
 * reopened on its letter. */
void	tui_caseform_offer_drafts(struct tui *t);

/* ---- wrapped text for pagers (tui-lines.c) */
struct tui_line {
	char		*text;
	enum tui_attr	 attr;
	int		 indent;
};
struct tui_lines {
	struct tui_line	*v;
	size_t		 n, cap;
};
void	tui_lines_clear(struct tui_lines *l);	/* keeps the array */
void	tui_lines_free(struct tui_lines *l);
void	tui_lines_add(struct tui_lines *l, const char *text, size_t len,
	    enum tui_attr a, int indent);
/* TEXT cut at spaces into lines of at most WIDTH - INDENT columns (a word
 * too long is cut where it must), each '\n' a new line, an empty one a
 * blank line; continuation lines indented HANG columns more. */
void	tui_lines_wrap(struct tui_lines *l, const char *text, int width,
	    enum tui_attr a, int indent, int hang);
/* A pager's scrolling keys -- Up/Down, j/k, PgUp/PgDn, Space, Home/End,
 * g/G, the wheel -- applied to *TOP, the first of L's lines shown in ROWS
 * rows; 1 if K was one of them (a click counts, doing nothing). */
int	tui_lines_scroll(const struct tui_lines *l, size_t rows, size_t *top,
	    const struct tui_key *k);

#endif
