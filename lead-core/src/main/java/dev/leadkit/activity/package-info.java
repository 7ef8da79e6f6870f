/**
 * What happens on a lead besides its fields: activities (calls, meetings, tasks, e-mails) with
 * reminders and invitations, the stream of posts, notes and comments, attachments with their
 * bytes behind the {@link dev.leadkit.activity.BlobStore} port, and the append-only audit history
 * every change of the library writes.
 */
package dev.leadkit.activity;
