/**
 * Domain events (a sealed hierarchy) and the two outbound ports: the
 * {@link dev.leadkit.event.EventPublisher} for systems and the
 * {@link dev.leadkit.event.NotificationSink} for people.
 */
package dev.leadkit.event;
