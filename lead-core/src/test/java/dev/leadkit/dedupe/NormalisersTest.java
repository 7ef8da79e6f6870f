package dev.leadkit.dedupe;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class NormalisersTest {

    @Test
    void emailIsLowerCasedAndStrippedOfMailtoAndBrackets() {
        assertThat(Normalisers.email("  Ann.Lee@Example.COM ")).isEqualTo("ann.lee@example.com");
        assertThat(Normalisers.email("mailto:ann@example.com")).isEqualTo("ann@example.com");
        assertThat(Normalisers.email("Ann Lee <ann@example.com>")).isEqualTo("ann@example.com");
    }

    @Test
    void providerRulesDropGmailDotsAndPlusTagsOnlyWhenAsked() {
        assertThat(Normalisers.email("Ann.Lee+news@GoogleMail.com", true)).isEqualTo("annlee@gmail.com");
        assertThat(Normalisers.email("ann+crm@outlook.com", true)).isEqualTo("ann@outlook.com");
        assertThat(Normalisers.email("ann.lee+x@example.com", true)).isEqualTo("ann.lee+x@example.com");
        assertThat(Normalisers.email("Ann.Lee+news@gmail.com", false)).isEqualTo("ann.lee+news@gmail.com");
    }

    @Test
    void phonesOfAnyFormatBecomeE164WithTheDefaultRegionForNationalNumbers() {
        assertThat(Normalisers.phone("20 30 40 50", "DK")).isEqualTo("+4520304050");
        assertThat(Normalisers.phone("+45 20-30-40-50", "DE")).isEqualTo("+4520304050");
        assertThat(Normalisers.phone("0045 20304050", "DK")).isEqualTo("+4520304050");
        assertThat(Normalisers.phone("030 1234567", "DE")).isEqualTo("+49301234567");
        assertThat(Normalisers.phone("(+90) 5321234567", "DK")).isEqualTo("+905321234567");
        assertThat(Normalisers.phone("no number", "DK")).isEmpty();
    }

    @Test
    void personNamesAreFoldedAndTransliterated() {
        assertThat(Normalisers.personName("  Şükrü  ÖZTÜRK ")).isEqualTo("sukru ozturk");
        assertThat(Normalisers.personName("Søren")).isEqualTo(Normalisers.personName("Soeren")).isEqualTo("soren");
        assertThat(Normalisers.personName("Müller")).isEqualTo(Normalisers.personName("Mueller"));
        assertThat(Normalisers.personName("Åse")).isEqualTo(Normalisers.personName("Aase"));
        assertThat(Normalisers.personName("Šarūnas Žukauskienė")).isEqualTo("sarunas zukauskiene");
        assertThat(Normalisers.personName("Jürgen Groß")).isEqualTo("jurgen gross");
        assertThat(Normalisers.personName("İbrahim Yıldırım")).isEqualTo("ibrahim yildirim");
        assertThat(Normalisers.personName("O'Brien")).isEqualTo("obrien");
        assertThat(Normalisers.personName("J. R. R.")).isEqualTo("j r r");
    }

    @Test
    void companyNamesLoseTheirLegalForm() {
        assertThat(Normalisers.company("Ørsted Vind A/S")).isEqualTo("orsted vind");
        assertThat(Normalisers.company("Ørsted Vind AS")).isEqualTo("orsted vind");
        assertThat(Normalisers.company("Nordisk Data ApS")).isEqualTo("nordisk data");
        assertThat(Normalisers.company("Tal Bau GmbH & Co. KG")).isEqualTo("tal bau");
        assertThat(Normalisers.company("Zafer Enerji A.Ş.")).isEqualTo("zafer enerji");
        assertThat(Normalisers.company("Zafer Enerji Ltd. Şti.")).isEqualTo("zafer enerji");
        assertThat(Normalisers.company("UAB Pilies Baldai")).isEqualTo("pilies baldai");
        assertThat(Normalisers.company("The Acme Company, Inc.")).isEqualTo("acme");
        assertThat(Normalisers.company("Nokia Oyj")).isEqualTo("nokia");
        assertThat(Normalisers.company("Banco Exemplo S.A.")).isEqualTo("banco exemplo");
        assertThat(Normalisers.company("Smith & Sons Ltd")).isEqualTo("smith and sons");
        // The legal form alone is kept: it is the only word.
        assertThat(Normalisers.company("AB")).isEqualTo("ab");
    }

    @Test
    void domainsLoseSchemeWwwPortAndPath() {
        assertThat(Normalisers.domain("https://www.Example.com:8080/contact?x=1")).isEqualTo("example.com");
        assertThat(Normalisers.domain("example.com.")).isEqualTo("example.com");
        assertThat(Normalisers.domain("info@example.dk")).isEqualTo("example.dk");
    }

    @Test
    void streetsHaveShortTypesAndSplitHouseNumbers() {
        assertThat(Normalisers.street("Hauptstraße 12 b")).isEqualTo(Normalisers.street("Hauptstr. 12 b"))
                .startsWith("haupt strasse 12");
        assertThat(Normalisers.street("12 High Street")).isEqualTo(Normalisers.street("12 High St."))
                .isEqualTo("12 high st");
        assertThat(Normalisers.street("Atatürk Sokak No:5")).isEqualTo(Normalisers.street("Atatürk Sk. No: 5"));
        assertThat(Normalisers.street("Nørregade12A")).isEqualTo("norregade 12a");
    }

    @Test
    void houseNumbersPostcodesAndIdentifiersKeepOnlyLettersAndDigits() {
        assertThat(Normalisers.houseNumber("No. 7")).isEqualTo("7");
        assertThat(Normalisers.houseNumber("12 B")).isEqualTo("12b");
        assertThat(Normalisers.postcode("DK-2100")).isEqualTo("2100");
        assertThat(Normalisers.postcode("sw1a 1aa")).isEqualTo("SW1A1AA");
        assertThat(Normalisers.identifier("DK 12 34 56 78")).isEqualTo("DK12345678");
        assertThat(Normalisers.identifier("123-45-6789")).isEqualTo("123456789");
    }

    @Test
    void birthDatesOfEveryShapeBecomeIso() {
        assertThat(Normalisers.birthDate("19800312")).isEqualTo("1980-03-12");
        assertThat(Normalisers.birthDate("1980-03-12")).isEqualTo("1980-03-12");
        assertThat(Normalisers.birthDate("12.03.1980")).isEqualTo("1980-03-12");
        assertThat(Normalisers.birthDate("12/3/1980")).isEqualTo("1980-03-12");
        assertThat(Normalisers.birthDate("1980")).isEqualTo("1980");
        assertThat(Normalisers.birthDate("1980-03-12T00:00:00Z")).isEqualTo("1980-03-12");
        assertThat(Normalisers.birthDate("March 1980")).isEmpty();
    }

    @Test
    void countriesByCodeOrNameBecomeTheAlpha2Code() {
        assertThat(Normalisers.country("Denmark")).isEqualTo("dk");
        assertThat(Normalisers.country("DNK")).isEqualTo("dk");
        assertThat(Normalisers.country("Danmark")).isEqualTo("dk");
        assertThat(Normalisers.country("Türkiye")).isEqualTo("tr");
        assertThat(Normalisers.country("Atlantis")).isEqualTo("atlantis");
    }
}
