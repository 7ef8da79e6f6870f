/**
 * The status workflow's configuration: lead statuses (with their categories) and sources as
 * configurable, localisable, stored catalogues, and their defaults.
 */
package dev.leadkit.workflow;
