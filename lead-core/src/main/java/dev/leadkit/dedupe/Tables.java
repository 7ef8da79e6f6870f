package dev.leadkit.dedupe;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The word tables shipped as resources: nicknames, legal forms, street types. Loaded once. */
final class Tables {

    /** Legal forms, each as its words. */
    static final List<String[]> LEGAL_FORMS;
    /** Given name → ids of the nickname groups it belongs to. */
    static final Map<String, int[]> NICKNAME_GROUPS;
    /** Given name → its group's canonical name (the first group's, when it is in several). */
    static final Map<String, String> NICKNAME_CANONICAL;
    /** Street word → short form. */
    static final Map<String, String> STREET_TYPES;

    static {
        List<String[]> forms = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String line : lines("legal-forms.txt")) {
            if (seen.add(line)) {
                forms.add(line.split(" "));
            }
        }
        // Longest first, so "gmbh co kg" is taken whole before "kg".
        forms.sort((a, b) -> b.length - a.length);
        LEGAL_FORMS = Collections.unmodifiableList(forms);

        Map<String, List<Integer>> groups = new HashMap<>();
        Map<String, String> canonical = new HashMap<>();
        int group = 0;
        for (String line : lines("nicknames.txt")) {
            int colon = line.indexOf(':');
            String head = Normalisers.reduceDigraphs(line.substring(0, colon).trim());
            List<String> names = new ArrayList<>();
            names.add(head);
            for (String v : line.substring(colon + 1).split(",")) {
                if (!v.isBlank()) {
                    names.add(Normalisers.reduceDigraphs(v.trim()));
                }
            }
            for (String n : names) {
                List<Integer> ids = groups.computeIfAbsent(n, k -> new ArrayList<>());
                if (!ids.contains(group)) {
                    ids.add(group);
                }
                canonical.putIfAbsent(n, head);
            }
            group++;
        }
        Map<String, int[]> packed = new HashMap<>();
        groups.forEach((k, v) -> {
            int[] ids = v.stream().mapToInt(Integer::intValue).toArray();
            Arrays.sort(ids);
            packed.put(k, ids);
        });
        NICKNAME_GROUPS = Collections.unmodifiableMap(packed);
        NICKNAME_CANONICAL = Collections.unmodifiableMap(canonical);

        Map<String, String> streets = new HashMap<>();
        for (String line : lines("street-types.txt")) {
            int colon = line.indexOf(':');
            String shortForm = Normalisers.reduceDigraphs(line.substring(0, colon).trim());
            streets.put(shortForm, shortForm);
            for (String v : line.substring(colon + 1).split(",")) {
                if (!v.isBlank()) {
                    streets.putIfAbsent(Normalisers.reduceDigraphs(v.trim()), shortForm);
                }
            }
        }
        STREET_TYPES = Collections.unmodifiableMap(streets);
    }

    private Tables() {
    }

    private static List<String> lines(String name) {
        List<String> out = new ArrayList<>();
        try (InputStream in = Tables.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource dev/leadkit/dedupe/" + name);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String t = line.trim();
                if (!t.isEmpty() && !t.startsWith("#")) {
                    out.add(t);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }
}
