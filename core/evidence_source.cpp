#include "core/evidence_source.hpp"

#include "core/detect.hpp"

namespace casefile::core {

std::string_view evidence_source_name(EvidenceSource source) {
    switch (source) {
        case EvidenceSource::subject:
            return kEvidenceInSubject;
        case EvidenceSource::own_text:
            break;
    }
    return kEvidenceInOwnText;
}

bool is_evidence_source_name(std::string_view name) {
    return name == kEvidenceInOwnText || name == kEvidenceInSubject;
}

}  // namespace casefile::core
