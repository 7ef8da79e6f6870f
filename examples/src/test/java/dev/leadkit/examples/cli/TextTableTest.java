package dev.leadkit.examples.cli;

import org.junit.jupiter.api.Test;

import java.io.PrintWriter;
import java.io.StringWriter;

import static org.assertj.core.api.Assertions.assertThat;

class TextTableTest {

    @Test
    void columnsAlignByCodePointsAndLinesCarryNoTrailingSpaces() {
        StringWriter text = new StringWriter();
        new TextTable("name", "team")
                .row("Ayşe Yılmaz", "sales-tr")
                .row("Jo", null)
                .print(new PrintWriter(text, true), "  ");

        assertThat(text.toString().split("\\R")).containsExactly(
                "  name         team",
                "  -----------  --------",
                "  Ayşe Yılmaz  sales-tr",
                "  Jo           -");
    }

    @Test
    void theLastColumnWrapsAtSpaces() {
        assertThat(TextTable.wrap("one two three four", 9)).containsExactly("one two", "three", "four");
        assertThat(TextTable.wrap("short", 10)).containsExactly("short");
    }
}
