/**
 * Custom fields (requirement M3): definitions an Admin manages, the typed
 * {@link dev.leadkit.field.FieldValue}s leads hold, and their validation.
 */
package dev.leadkit.field;
