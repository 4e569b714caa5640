package org.mdt.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.mdt.MdtException;
import org.mdt.settings.Setting;
import org.mdt.settings.SettingStore;

/**
 * Which roster services count under which VOCA PMT service category (docs/DESIGN.md section 6.2).
 * The default is the federal reading: A information and referral from the mental-health referral; B
 * personal advocacy and accompaniment from the forensic interview, medical exam and victim
 * advocacy; C emotional support or safety from mental-health services; E justice system assistance
 * from nothing. D (shelter/housing) is never in the roster. Grant staff change it with {@code mdt
 * settings set voca.serviceMap}; a case review is no service.
 */
public record VocaServiceMap(Map<String, List<Service>> categories) {
  /** The roster's dated services, by the codes the map names them with. */
  public enum Service {
    FORENSIC_INTERVIEW,
    MEDICAL_EXAM,
    MENTAL_HEALTH_REFERRAL,
    MENTAL_HEALTH_SERVICES,
    VICTIM_ADVOCACY;

    public String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    /** The case_child column holding its date. */
    String column() {
      return code() + "_date";
    }
  }

  /** The categories a roster service can count under, in report order. */
  public static final List<String> CATEGORIES = List.of("A", "B", "C", "E");

  static final String SHELTER = "D";
  static final Map<String, String> CATEGORY_NAMES =
      Map.of(
          "A",
          "Information and referral",
          "B",
          "Personal advocacy and accompaniment",
          "C",
          "Emotional support or safety services",
          SHELTER,
          "Shelter/housing services",
          "E",
          "Criminal/civil justice system assistance");
  static final String SHELTER_NOTE = "shelter/housing: not recorded in the roster";

  public static final VocaServiceMap DEFAULT =
      new VocaServiceMap(
          Map.of(
              "A", List.of(Service.MENTAL_HEALTH_REFERRAL),
              "B",
                  List.of(
                      Service.FORENSIC_INTERVIEW, Service.MEDICAL_EXAM, Service.VICTIM_ADVOCACY),
              "C", List.of(Service.MENTAL_HEALTH_SERVICES),
              "E", List.of()));

  private static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
          .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
          .build();
  private static final String NAME = "voca.serviceMap";

  public static final Setting SETTING =
      new Setting(
          NAME,
          "Roster services counted under each VOCA service"
              + " category A, B, C, E (D, shelter/housing, is never in the roster), as JSON.",
          DEFAULT.toJson(),
          value -> parse(value).toJson());

  /** Every category of {@link #CATEGORIES} present, in order, each list in the order given. */
  public VocaServiceMap {
    Map<String, List<Service>> ordered = new LinkedHashMap<>();
    for (String category : CATEGORIES) {
      ordered.put(category, List.copyOf(categories.getOrDefault(category, List.of())));
    }
    categories = Collections.unmodifiableMap(ordered);
  }

  /** The map in force in this database. */
  public static VocaServiceMap read(Connection connection) throws SQLException {
    SettingStore.Current current = SettingStore.current(connection, SETTING);
    try {
      return parse(current.value());
    } catch (MdtException e) {
      throw MdtException.data(
          "the stored setting "
              + NAME
              + " is not valid ("
              + e.getMessage()
              + "): fix it with"
              + " 'mdt settings set' or 'mdt settings reset'",
          e);
    }
  }

  /**
   * Reads a map from JSON such as {@code {"A": ["mental_health_referral"], "E": []}}, strictly:
   * only the categories A, B, C, E, only the roster's service codes, each in at most one category.
   * A category left out has no services.
   */
  public static VocaServiceMap parse(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      // Jackson's message, without the source location it appends
      throw bad(
          "is not JSON: "
              + e.getOriginalMessage()
                  .lines()
                  .findFirst()
                  .orElse("")
                  .replaceAll("\\s*\\((start marker at|bound as) .*|\\s*at \\[Source.*", ""));
    }
    if (root == null || !root.isObject()) {
      throw bad("must be a JSON object of category to services, such as " + DEFAULT.toJson());
    }
    Map<String, List<Service>> categories = new LinkedHashMap<>();
    Map<Service, String> placed = new LinkedHashMap<>();
    for (Map.Entry<String, JsonNode> entry : (Iterable<Map.Entry<String, JsonNode>>) root::fields) {
      String category = entry.getKey();
      if (category.equals(SHELTER)) {
        throw bad("cannot map category D: shelter/housing is not recorded in the roster");
      }
      if (!CATEGORIES.contains(category)) {
        throw bad("names category '" + category + "'; the categories are A, B, C and E");
      }
      if (!entry.getValue().isArray()) {
        throw bad("category " + category + " must be a list of service names");
      }
      List<Service> services = new ArrayList<>();
      for (JsonNode name : entry.getValue()) {
        Service service = service(name);
        String other = placed.putIfAbsent(service, category);
        if (other != null) {
          throw bad(
              "puts "
                  + service.code()
                  + " in "
                  + (other.equals(category)
                      ? category + " twice"
                      : "both " + other + " and " + category)
                  + "; a service counts in one category at most");
        }
        services.add(service);
      }
      categories.put(category, services);
    }
    return new VocaServiceMap(categories);
  }

  private static Service service(JsonNode name) {
    String code = name.isTextual() ? name.asText() : name.toString();
    for (Service service : Service.values()) {
      if (service.code().equals(code)) {
        return service;
      }
    }
    if (code.equals("case_review")) {
      throw bad(
          "names case_review, which is no VOCA service: the report counts reviews beside the categories");
    }
    throw bad(
        "names service '"
            + code
            + "'; the roster's services are "
            + String.join(
                ", ", java.util.Arrays.stream(Service.values()).map(Service::code).toList()));
  }

  private static MdtException bad(String problem) {
    return MdtException.usage(NAME + " " + problem);
  }

  /** The category a service counts under, or null when it counts under none. */
  String categoryOf(Service service) {
    for (Map.Entry<String, List<Service>> entry : categories.entrySet()) {
      if (entry.getValue().contains(service)) {
        return entry.getKey();
      }
    }
    return null;
  }

  /** Category → service codes, as the report prints it. */
  public Map<String, List<String>> asJson() {
    Map<String, List<String>> json = new LinkedHashMap<>();
    categories.forEach(
        (category, services) -> json.put(category, services.stream().map(Service::code).toList()));
    return json;
  }

  /** The canonical JSON form, as the setting is stored. */
  public String toJson() {
    try {
      return JSON.writeValueAsString(asJson());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** "A <- mental_health_referral; B <- ...; E <- (none)", for the PDF's definitions. */
  String describe() {
    List<String> parts = new ArrayList<>();
    asJson()
        .forEach(
            (category, codes) ->
                parts.add(
                    category + " <- " + (codes.isEmpty() ? "(none)" : String.join(", ", codes))));
    return String.join("; ", parts);
  }
}
