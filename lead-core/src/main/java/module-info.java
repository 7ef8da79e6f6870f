/**
 * LeadKit core: the lead domain, every business rule, the ports and the in-memory store.
 * Depends on SLF4J and libphonenumber only.
 */
module dev.leadkit.core {
    requires org.slf4j;
    requires com.google.i18n.phonenumbers.libphonenumber;

    exports dev.leadkit;
    exports dev.leadkit.lead;
    exports dev.leadkit.field;
    exports dev.leadkit.access;
    exports dev.leadkit.activity;
    exports dev.leadkit.workflow;
    exports dev.leadkit.event;
    exports dev.leadkit.store;
    exports dev.leadkit.store.memory;
    exports dev.leadkit.query;
    exports dev.leadkit.intake;
    exports dev.leadkit.dedupe;
}
