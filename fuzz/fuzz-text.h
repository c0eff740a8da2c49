/*
 * fuzz-text.h -- what the text harnesses (fuzz-input, fuzz-legacy) ask of
 * a string they check.  Not part of phoihop.
 */
#ifndef PH_FUZZ_TEXT_H
#define PH_FUZZ_TEXT_H

/* 1 if S (NUL-terminated) is valid UTF-8. */
int	fuzz_valid(const char *s);
/* 1 if S has a run of more than 30 of the marks ph_viet_nfc() orders. */
int	fuzz_long_marks(const char *s);

#endif
