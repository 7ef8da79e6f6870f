/**
 * LeadKit CSV: a streaming CSV reader (Apache Commons CSV underneath) that maps header columns to
 * lead fields by aliases in English, Turkish, Lithuanian and Danish. Import and export build on it.
 */
module dev.leadkit.csv {
    requires transitive dev.leadkit.core;
    requires org.apache.commons.csv;

    exports dev.leadkit.csv;
}
