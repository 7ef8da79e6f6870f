package dev.leadkit.csv;

import dev.leadkit.lead.LeadField;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class HeaderMappingTest {

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = '→', value = {
            // English, with its spellings
            "First Name → firstName", "first_name → firstName", "firstName → firstName", "FIRST-NAME → firstName",
            "given name → firstName", "Surname → lastName", "last_name → lastName", "E-mail → email",
            "Email Address → email", "Phone Number → phone", "Zip Code → postcode", "zip → postcode",
            "State/Province → region", "Zip/Postal Code → postcode", "Job Title → title", "Company Name → company",
            "Website URL → website", "Created Date → leadDate", "External ID → externalId",
            "registration_number → registrationNumber", "Full Name → fullName", "Name → fullName",
            // Salesforce
            "Lead Source → source", "Lead Status → status", "Mobile → phone", "Lead Owner → owner", "Lead ID → externalId",
            // HubSpot
            "Mobile Phone Number → phone", "Contact owner → owner", "Record ID → externalId", "Create Date → leadDate",
            // Zoho
            "Designation → title", "Created Time → leadDate",
            // Pipedrive
            "Person - Name → fullName", "Organization - Name → company", "Person - Email → email",
            "Person - Phone → phone", "Person - First name → firstName",
            // Turkish
            "Ad → firstName", "Adı → firstName", "Soyad → lastName", "Soyadı → lastName", "E-posta → email",
            "Eposta → email", "Telefon → phone", "Cep Telefonu → phone", "Firma → company", "Şirket → company",
            "Unvan → title", "Adres → street", "Şehir → city", "İl → city", "Posta Kodu → postcode",
            "Ülke → country", "Web Sitesi → website", "Ad Soyad → fullName", "Açıklama → description",
            "TC Kimlik No → nationalId", "Doğum Tarihi → birthDate",
            // Lithuanian
            "Vardas → firstName", "Pavardė → lastName", "El. paštas → email", "el pastas → email",
            "Telefonas → phone", "Įmonė → company", "Pareigos → title", "Adresas → street", "Miestas → city",
            "Pašto kodas → postcode", "Šalis → country", "Asmens kodas → nationalId", "Gimimo data → birthDate",
            "Įmonės kodas → registrationNumber",
            // Danish
            "Fornavn → firstName", "Efternavn → lastName", "E-mail → email", "Telefon → phone", "Mobil → phone",
            "Virksomhed → company", "Stilling → title", "Adresse → street", "Vej → street", "By → city",
            "Postnummer → postcode", "Land → country", "CVR → registrationNumber", "CVR-nummer → registrationNumber",
            "Navn → fullName", "Fødselsdato → birthDate", "CPR-nr → nationalId",
            // FEBRL
            "rec_id → externalId", "given_name → firstName", "surname → lastName", "street_number → houseNumber",
            "address_1 → street", "address_2 → addressLine2", "suburb → city", "postcode → postcode",
            "state → region", "date_of_birth → birthDate", "soc_sec_id → nationalId",
            // North Carolina voter register
            "ncid → externalId", "first_name → firstName", "midl_name → middleName", "middle_name → middleName",
            "last_name → lastName", "res_street_address → street", "res_city_desc → city", "zip_code → postcode",
            "birth_year → birthDate", "age → birthDate",
            // generic
            "full_name → fullName", "address → street", "dob → birthDate", "birth_date → birthDate", "ssn → nationalId"})
    void headersMapByAlias(String header, String target) {
        assertThat(HeaderMapping.targetOf(header.strip())).as(header)
                .contains(CsvTarget.parse(target.strip()).orElseThrow());
    }

    @Test
    void comparisonIgnoresCaseSpacesUnderscoresHyphensDotsAndAccents() {
        assertThat(HeaderMapping.normalise("El. Paštas")).isEqualTo("elpastas");
        assertThat(HeaderMapping.normalise(" E_POSTA ")).isEqualTo("eposta");
        assertThat(HeaderMapping.normalise("Person - Name")).isEqualTo(HeaderMapping.normalise("person_name"));
        assertThat(HeaderMapping.normalise("İL")).isEqualTo("il");
    }

    @Test
    void noAliasNamesTwoTargets() {
        assertThat(HeaderMapping.AliasTable.INSTANCE.conflicts).isEmpty();
    }

    @Test
    void theConflictCheckFindsAnAliasGivenToTwoTargets() {
        HeaderMapping.AliasTable table = HeaderMapping.AliasTable.parse(List.of("email = mail", "phone = Mail"));

        assertThat(table.conflicts).containsExactly("mail: email and phone");
    }

    @Test
    void unknownColumnsAreReportedNotRefused() {
        HeaderMapping mapping = HeaderMapping.resolve(List.of("Email", "Shoe size", "Fornavn"), Map.of());

        assertThat(mapping.unknownColumns()).containsExactly("Shoe size");
        assertThat(mapping.target(1)).isEmpty();
        assertThat(mapping.column(CsvTarget.of(LeadField.FIRST_NAME))).hasValue(2);
    }

    @Test
    void theFirstOfTwoColumnsForOneTargetKeepsIt() {
        HeaderMapping mapping = HeaderMapping.resolve(List.of("Phone", "Mobile"), Map.of());

        assertThat(mapping.column(CsvTarget.of(LeadField.PHONE))).hasValue(0);
        assertThat(mapping.target(1)).isEmpty();
        assertThat(mapping.problems()).singleElement().satisfies(p -> {
            assertThat(p.kind()).isEqualTo(CsvProblem.Kind.DUPLICATE_TARGET);
            assertThat(p.column()).contains("Mobile");
        });
    }

    @Test
    void anExplicitMappingWinsOverTheAliasTable() {
        HeaderMapping mapping = HeaderMapping.resolve(List.of("Name", "Kundenr", "Mail", "Note"),
                Map.of("name", "company", "Kundenr", "externalId", "Mail", "-", "Note", "custom.remark"));

        assertThat(mapping.target(0)).contains(CsvTarget.of(LeadField.COMPANY));
        assertThat(mapping.target(1)).contains(CsvTarget.of(LeadField.EXTERNAL_ID));
        assertThat(mapping.target(2)).as("'-' leaves the column out").isEmpty();
        assertThat(mapping.target(3)).contains(CsvTarget.custom("remark"));
        assertThat(mapping.unknownColumns()).isEmpty();
    }

    @Test
    void anExplicitMappingTakesItsTargetFromAColumnTheTableWouldGiveIt() {
        HeaderMapping mapping = HeaderMapping.resolve(List.of("Email", "Work mail"), Map.of("Work mail", "email"));

        assertThat(mapping.column(CsvTarget.of(LeadField.EMAIL))).hasValue(1);
        assertThat(mapping.target(0)).isEmpty();
    }

    @Test
    void anExplicitMappingMayNameAFieldByAnAlias() {
        HeaderMapping mapping = HeaderMapping.resolve(List.of("X"), Map.of("X", "E-posta"));

        assertThat(mapping.target(0)).contains(CsvTarget.of(LeadField.EMAIL));
    }

    @Test
    void anExplicitMappingOfAMissingColumnNamesTheHeader() {
        assertThatThrownBy(() -> HeaderMapping.resolve(List.of("id", "mail"), Map.of("Email", "email")))
                .isInstanceOfSatisfying(CsvFormatException.class, e -> {
                    assertThat(e.code()).isEqualTo("csv.map.column.unknown");
                    assertThat(e.getMessage()).contains("'Email'").contains("id, mail");
                });
    }

    @Test
    void anExplicitMappingToNoFieldListsTheFields() {
        assertThatThrownBy(() -> HeaderMapping.resolve(List.of("id"), Map.of("id", "shoeSize")))
                .isInstanceOfSatisfying(CsvFormatException.class, e -> {
                    assertThat(e.code()).isEqualTo("csv.map.field.unknown");
                    assertThat(e.getMessage()).contains("firstName").contains("birthDate").contains("custom.KEY");
                });
    }
}
