/**
 * Who may do what: the {@link dev.leadkit.access.Directory} port through which the host supplies
 * users, teams, roles and managers, the rights, and the access policy every service consults.
 */
package dev.leadkit.access;
