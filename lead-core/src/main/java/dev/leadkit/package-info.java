/**
 * LeadKit's front door: {@link dev.leadkit.LeadKit}, built with {@code LeadKit.builder()}, the
 * {@link dev.leadkit.Actor} every call takes first, and the errors every call may throw — one
 * unchecked root, {@link dev.leadkit.LeadKitException}, each with a stable code.
 */
package dev.leadkit;
