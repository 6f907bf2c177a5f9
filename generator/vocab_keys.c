/*
 * vocab_keys.c - the spellings of the content format's own closed sets
 * (audience, requirement, purpose status, recipient role, report kind,
 * decision status): one table per enum, indexed by the enum, and the
 * *_key() lookups every output uses. decode builds its choices over
 * the same tables, so a word is read and written one way only.
 */
#include "vocab.h"

const char *const vocab_audience_keys[AUD_INTERNAL + 1] = {
	[AUD_PUBLIC] = "public", [AUD_INTERNAL] = "internal"
};
const char *const vocab_requirement_keys[REQ_LAW + 1] = {
	[REQ_OPTIONAL] = "optional", [REQ_CONTRACT] = "contract",
	[REQ_LAW] = "law"
};
const char *const vocab_status_keys[PS_RETIRED + 1] = {
	[PS_ACTIVE] = "active", [PS_PROPOSED] = "proposed",
	[PS_RETIRED] = "retired"
};
const char *const vocab_role_keys[ROLE_JOINT_CONTROLLER + 1] = {
	[ROLE_PROCESSOR] = "processor", [ROLE_CONTROLLER] = "controller",
	[ROLE_JOINT_CONTROLLER] = "joint-controller"
};
const char *const vocab_report_kind_keys[RK_REQUESTS + 1] = {
	[RK_OTHER] = "other", [RK_ACCESS] = "access",
	[RK_REQUESTS] = "requests"
};
const char *const vocab_decision_status_keys[DS_PROPOSED + 1] = {
	[DS_ADOPTED] = "adopted", [DS_REJECTED] = "rejected",
	[DS_PROPOSED] = "proposed"
};

/* --- the typed lookups ------------------------------------------- */

/* name(v): the spelling of v in table. One definition for all six, so
 * that they stay alike and each still takes its own enum type. */
#define KEY_LOOKUP(name, type, table)	\
const char *				\
name(type v)				\
{					\
	return table[v];		\
}

/* "public" or "internal". */
KEY_LOOKUP(audience_key, enum audience, vocab_audience_keys)
/* "optional", "contract" or "law". */
KEY_LOOKUP(requirement_key, enum requirement, vocab_requirement_keys)
/* "active", "proposed" or "retired". */
KEY_LOOKUP(status_key, enum purpose_status, vocab_status_keys)
/* "processor", "controller" or "joint-controller". */
KEY_LOOKUP(role_key, enum recipient_role, vocab_role_keys)
/* "other", "access" or "requests". */
KEY_LOOKUP(report_kind_key, enum report_kind, vocab_report_kind_keys)
/* "adopted", "rejected" or "proposed". */
KEY_LOOKUP(decision_status_key, enum decision_status,
    vocab_decision_status_keys)
