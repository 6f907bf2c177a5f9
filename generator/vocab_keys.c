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

/* "public" or "internal". */
const char *
audience_key(enum audience a)
{
	return vocab_audience_keys[a];
}

/* "optional", "contract" or "law". */
const char *
requirement_key(enum requirement r)
{
	return vocab_requirement_keys[r];
}

/* "active", "proposed" or "retired". */
const char *
status_key(enum purpose_status s)
{
	return vocab_status_keys[s];
}

/* "processor", "controller" or "joint-controller". */
const char *
role_key(enum recipient_role r)
{
	return vocab_role_keys[r];
}

/* "other", "access" or "requests". */
const char *
report_kind_key(enum report_kind k)
{
	return vocab_report_kind_keys[k];
}

/* "adopted", "rejected" or "proposed". */
const char *
decision_status_key(enum decision_status s)
{
	return vocab_decision_status_keys[s];
}
