// Image captions: separating the caption from its photo credit.
//
// "Warga antre di Jakarta. (Foto: Antara/Budi)" -> caption "Warga antre di
// Jakarta.", credit "Antara/Budi". Reads "(Foto: ...)", "Foto: X/Antara",
// "FOTO: ...", "Photo: ...", "Bild: ...", "Quelle: ...", "(AP Photo/...)",
// "[File: ...]", "Credit: ...", "Photo by ...", copyright marks ("... © Jane
// Roe", "Image copyright X"), trailing agency or stock credits ("... Smith/
// Getty Images", "... . EFE"), and a text that is a credit alone ("Jane
// Roe/Warta"). A leading "FILE PHOTO:" label is dropped.
//
// Pure functions; thread-safe.
#ifndef WARTA_META_CAPTION_H_
#define WARTA_META_CAPTION_H_

#include <string>
#include <string_view>

namespace warta::meta {

struct CaptionParts {
  std::string caption;  // trimmed; may be empty when the text is only a credit
  std::string credit;   // without its cue ("Foto:"); empty when none
};

CaptionParts SplitCaption(std::string_view text);

// True when the text carries a photo credit — a cheap test for telling a
// caption line from a body paragraph.
bool HasCreditCue(std::string_view text);

}  // namespace warta::meta

#endif  // WARTA_META_CAPTION_H_
