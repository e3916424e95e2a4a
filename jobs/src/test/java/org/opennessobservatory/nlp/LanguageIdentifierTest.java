package org.opennessobservatory.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LanguageIdentifierTest {
  @Test
  void namesLanguagesByIso6391WithConfidence() {
    LanguageIdentifier.Guess en = LanguageIdentifier.identify("The multistakeholder model of Internet governance "
        + "brings governments, civil society and the private sector together to discuss policy.");
    assertEquals("en", en.code());
    // The model spreads probability over 103 languages: its best guess on a clear sentence is near 0.12, not 0.9.
    assertTrue(en.confidence() > 0.05 && en.confidence() <= 1.0, "confidence " + en.confidence());
    assertEquals("fr", LanguageIdentifier.identify("La gouvernance de l'Internet réunit les gouvernements, la "
        + "société civile et le secteur privé pour débattre des politiques publiques.").code());
    assertEquals("es", LanguageIdentifier.identify("La gobernanza de Internet reúne a los gobiernos, la sociedad "
        + "civil y el sector privado para debatir las políticas públicas.").code());
  }

  @Test
  void tooLittleTextIsUnknown() {
    assertNull(LanguageIdentifier.identify("p. 12 — 3"));
    assertNull(LanguageIdentifier.identify(null));
    assertNull(LanguageIdentifier.identify("The Chair\u2019s summary \u2013 \u201cr\u00e9sum\u00e9\u201d of the "
        + "d\u00e9bat on na\u00efve connectivity targets, written in S\u00e3o Paulo."),
        "the model ranks Tagalog, Mandarin and English within 0.004 of each other here: no clear favourite");
  }
}
