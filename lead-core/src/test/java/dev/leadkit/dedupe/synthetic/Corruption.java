package dev.leadkit.dedupe.synthetic;

/** The kinds of error the generator puts into duplicates. */
public enum Corruption {
    /** One character inserted, deleted, replaced or two swapped, in a text value. */
    TYPO,
    /** Characters a scanner confuses: o/0, l/1, s/5, rn/m, cl/d … */
    OCR,
    /** A spelling that sounds the same: ph/f, ck/k, y/i, ou/u, sch/sh … */
    PHONETIC,
    /** A value left out. */
    MISSING,
    /** Given name and surname in each other's columns. */
    SWAP_NAMES,
    /** A nickname for the given name (Bill for William, Hans for Johannes …). */
    NICKNAME,
    /** Letters spelled out or stripped: ø → oe, ü → ue, ş → s, š → s, å → aa … */
    TRANSLITERATION,
    /** The same phone number written otherwise: national, 00 prefix, spaces, dashes. */
    PHONE_FORMAT,
    /** The same mailbox written otherwise: case, Gmail dots, a +tag. */
    EMAIL_FORMAT,
    /** The company's legal form added, dropped or written otherwise. */
    COMPANY_SUFFIX,
    /** Street type abbreviated, or the given name cut to its initial. */
    ABBREVIATION,
    /** A digit of postcode, house number or birth date changed, or day and month swapped. */
    DIGIT
}
