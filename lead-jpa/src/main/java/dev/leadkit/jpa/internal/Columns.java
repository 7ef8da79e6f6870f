package dev.leadkit.jpa.internal;

import dev.leadkit.lead.LeadField;

/**
 * Column lengths, in Unicode code points, as the migration scripts declare them. Lead field
 * columns hold exactly {@link LeadField#maxLength()}; the mapping checks every value against
 * these limits before it reaches the database, so all databases refuse the same values (H2
 * counts UTF-16 units, PostgreSQL and MariaDB count code points).
 */
final class Columns {

    static final int ID = 64;
    static final int USER_ID = 128;
    static final int ACTION = 32;
    static final int KIND = 16;
    static final int CODE = 64;
    static final int HISTORY_SEQUENCE_BLOCK = 50;

    static final int ACTIVITY_TYPE = 40;
    static final int SUBJECT = 200;
    static final int REMINDERS = 100;
    static final int POST_TEXT = 10_000;
    static final int FILE_NAME = 255;
    static final int MEDIA_TYPE = 127;
    static final int SHA256 = 64;
    static final int RIGHTS = 100;
    static final int REQUEST_STATE = 16;

    static final int FIRST_NAME = 100;
    static final int LAST_NAME = 100;
    static final int EMAIL = 254;
    static final int PHONE = 40;
    static final int COMPANY = 200;
    static final int DEPARTMENT = 100;
    static final int TITLE = 100;
    static final int DESCRIPTION = 10_000;
    static final int STREET = 200;
    static final int CITY = 100;
    static final int POSTCODE = 20;
    static final int REGION = 100;
    static final int COUNTRY = 100;
    static final int WEBSITE = 500;
    static final int REGISTRATION_NUMBER = 50;
    static final int SOURCE = 64;
    static final int STATUS = 64;
    static final int LEAD_DATE = 40;
    static final int OWNER = 128;
    static final int EXTERNAL_ID = 200;

    private Columns() {
    }
}
