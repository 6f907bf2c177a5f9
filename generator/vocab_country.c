/*
 * vocab_country.c - the countries of vocab.h: every ISO 3166-1 alpha-2
 * code with its short English name and whether it is in the EEA or the
 * UK (a transfer there needs no safeguard): country_valid,
 * country_in_eea_uk, country_name, country_label. Nothing here is read
 * from disk: the table is the copy.
 */
#include <stddef.h>

#include "vocab.h"

/* One ISO 3166-1 alpha-2 code. */
struct country {
	const char	*code;
	const char	*name;
	int		 eea_uk;	/* in the EEA or the UK: no safeguard needed */
};

/*
 * All 249 officially assigned ISO 3166-1 alpha-2 codes, sorted by code,
 * with short English names. eea_uk marks the 27 EU member states, the
 * EU's outermost regions and Aland that have their own codes (AX, GF,
 * GP, MF, MQ, RE, YT: EU law applies there), Iceland, Liechtenstein,
 * Norway and the United Kingdom. Crown dependencies and overseas
 * territories (GG, JE, IM, GI, ...) are outside and need a safeguard.
 */
static const struct country countries[] = {
	{ "AD", "Andorra", 0 },
	{ "AE", "United Arab Emirates", 0 },
	{ "AF", "Afghanistan", 0 },
	{ "AG", "Antigua and Barbuda", 0 },
	{ "AI", "Anguilla", 0 },
	{ "AL", "Albania", 0 },
	{ "AM", "Armenia", 0 },
	{ "AO", "Angola", 0 },
	{ "AQ", "Antarctica", 0 },
	{ "AR", "Argentina", 0 },
	{ "AS", "American Samoa", 0 },
	{ "AT", "Austria", 1 },
	{ "AU", "Australia", 0 },
	{ "AW", "Aruba", 0 },
	{ "AX", "Åland Islands", 1 },
	{ "AZ", "Azerbaijan", 0 },
	{ "BA", "Bosnia and Herzegovina", 0 },
	{ "BB", "Barbados", 0 },
	{ "BD", "Bangladesh", 0 },
	{ "BE", "Belgium", 1 },
	{ "BF", "Burkina Faso", 0 },
	{ "BG", "Bulgaria", 1 },
	{ "BH", "Bahrain", 0 },
	{ "BI", "Burundi", 0 },
	{ "BJ", "Benin", 0 },
	{ "BL", "Saint Barthélemy", 0 },
	{ "BM", "Bermuda", 0 },
	{ "BN", "Brunei", 0 },
	{ "BO", "Bolivia", 0 },
	{ "BQ", "Bonaire, Sint Eustatius and Saba", 0 },
	{ "BR", "Brazil", 0 },
	{ "BS", "Bahamas", 0 },
	{ "BT", "Bhutan", 0 },
	{ "BV", "Bouvet Island", 0 },
	{ "BW", "Botswana", 0 },
	{ "BY", "Belarus", 0 },
	{ "BZ", "Belize", 0 },
	{ "CA", "Canada", 0 },
	{ "CC", "Cocos (Keeling) Islands", 0 },
	{ "CD", "Democratic Republic of the Congo", 0 },
	{ "CF", "Central African Republic", 0 },
	{ "CG", "Congo", 0 },
	{ "CH", "Switzerland", 0 },
	{ "CI", "Côte d'Ivoire", 0 },
	{ "CK", "Cook Islands", 0 },
	{ "CL", "Chile", 0 },
	{ "CM", "Cameroon", 0 },
	{ "CN", "China", 0 },
	{ "CO", "Colombia", 0 },
	{ "CR", "Costa Rica", 0 },
	{ "CU", "Cuba", 0 },
	{ "CV", "Cabo Verde", 0 },
	{ "CW", "Curaçao", 0 },
	{ "CX", "Christmas Island", 0 },
	{ "CY", "Cyprus", 1 },
	{ "CZ", "Czechia", 1 },
	{ "DE", "Germany", 1 },
	{ "DJ", "Djibouti", 0 },
	{ "DK", "Denmark", 1 },
	{ "DM", "Dominica", 0 },
	{ "DO", "Dominican Republic", 0 },
	{ "DZ", "Algeria", 0 },
	{ "EC", "Ecuador", 0 },
	{ "EE", "Estonia", 1 },
	{ "EG", "Egypt", 0 },
	{ "EH", "Western Sahara", 0 },
	{ "ER", "Eritrea", 0 },
	{ "ES", "Spain", 1 },
	{ "ET", "Ethiopia", 0 },
	{ "FI", "Finland", 1 },
	{ "FJ", "Fiji", 0 },
	{ "FK", "Falkland Islands", 0 },
	{ "FM", "Micronesia", 0 },
	{ "FO", "Faroe Islands", 0 },
	{ "FR", "France", 1 },
	{ "GA", "Gabon", 0 },
	{ "GB", "United Kingdom", 1 },
	{ "GD", "Grenada", 0 },
	{ "GE", "Georgia", 0 },
	{ "GF", "French Guiana", 1 },
	{ "GG", "Guernsey", 0 },
	{ "GH", "Ghana", 0 },
	{ "GI", "Gibraltar", 0 },
	{ "GL", "Greenland", 0 },
	{ "GM", "Gambia", 0 },
	{ "GN", "Guinea", 0 },
	{ "GP", "Guadeloupe", 1 },
	{ "GQ", "Equatorial Guinea", 0 },
	{ "GR", "Greece", 1 },
	{ "GS", "South Georgia and the South Sandwich Islands", 0 },
	{ "GT", "Guatemala", 0 },
	{ "GU", "Guam", 0 },
	{ "GW", "Guinea-Bissau", 0 },
	{ "GY", "Guyana", 0 },
	{ "HK", "Hong Kong", 0 },
	{ "HM", "Heard Island and McDonald Islands", 0 },
	{ "HN", "Honduras", 0 },
	{ "HR", "Croatia", 1 },
	{ "HT", "Haiti", 0 },
	{ "HU", "Hungary", 1 },
	{ "ID", "Indonesia", 0 },
	{ "IE", "Ireland", 1 },
	{ "IL", "Israel", 0 },
	{ "IM", "Isle of Man", 0 },
	{ "IN", "India", 0 },
	{ "IO", "British Indian Ocean Territory", 0 },
	{ "IQ", "Iraq", 0 },
	{ "IR", "Iran", 0 },
	{ "IS", "Iceland", 1 },
	{ "IT", "Italy", 1 },
	{ "JE", "Jersey", 0 },
	{ "JM", "Jamaica", 0 },
	{ "JO", "Jordan", 0 },
	{ "JP", "Japan", 0 },
	{ "KE", "Kenya", 0 },
	{ "KG", "Kyrgyzstan", 0 },
	{ "KH", "Cambodia", 0 },
	{ "KI", "Kiribati", 0 },
	{ "KM", "Comoros", 0 },
	{ "KN", "Saint Kitts and Nevis", 0 },
	{ "KP", "North Korea", 0 },
	{ "KR", "South Korea", 0 },
	{ "KW", "Kuwait", 0 },
	{ "KY", "Cayman Islands", 0 },
	{ "KZ", "Kazakhstan", 0 },
	{ "LA", "Laos", 0 },
	{ "LB", "Lebanon", 0 },
	{ "LC", "Saint Lucia", 0 },
	{ "LI", "Liechtenstein", 1 },
	{ "LK", "Sri Lanka", 0 },
	{ "LR", "Liberia", 0 },
	{ "LS", "Lesotho", 0 },
	{ "LT", "Lithuania", 1 },
	{ "LU", "Luxembourg", 1 },
	{ "LV", "Latvia", 1 },
	{ "LY", "Libya", 0 },
	{ "MA", "Morocco", 0 },
	{ "MC", "Monaco", 0 },
	{ "MD", "Moldova", 0 },
	{ "ME", "Montenegro", 0 },
	{ "MF", "Saint Martin (French part)", 1 },
	{ "MG", "Madagascar", 0 },
	{ "MH", "Marshall Islands", 0 },
	{ "MK", "North Macedonia", 0 },
	{ "ML", "Mali", 0 },
	{ "MM", "Myanmar", 0 },
	{ "MN", "Mongolia", 0 },
	{ "MO", "Macao", 0 },
	{ "MP", "Northern Mariana Islands", 0 },
	{ "MQ", "Martinique", 1 },
	{ "MR", "Mauritania", 0 },
	{ "MS", "Montserrat", 0 },
	{ "MT", "Malta", 1 },
	{ "MU", "Mauritius", 0 },
	{ "MV", "Maldives", 0 },
	{ "MW", "Malawi", 0 },
	{ "MX", "Mexico", 0 },
	{ "MY", "Malaysia", 0 },
	{ "MZ", "Mozambique", 0 },
	{ "NA", "Namibia", 0 },
	{ "NC", "New Caledonia", 0 },
	{ "NE", "Niger", 0 },
	{ "NF", "Norfolk Island", 0 },
	{ "NG", "Nigeria", 0 },
	{ "NI", "Nicaragua", 0 },
	{ "NL", "Netherlands", 1 },
	{ "NO", "Norway", 1 },
	{ "NP", "Nepal", 0 },
	{ "NR", "Nauru", 0 },
	{ "NU", "Niue", 0 },
	{ "NZ", "New Zealand", 0 },
	{ "OM", "Oman", 0 },
	{ "PA", "Panama", 0 },
	{ "PE", "Peru", 0 },
	{ "PF", "French Polynesia", 0 },
	{ "PG", "Papua New Guinea", 0 },
	{ "PH", "Philippines", 0 },
	{ "PK", "Pakistan", 0 },
	{ "PL", "Poland", 1 },
	{ "PM", "Saint Pierre and Miquelon", 0 },
	{ "PN", "Pitcairn", 0 },
	{ "PR", "Puerto Rico", 0 },
	{ "PS", "Palestine", 0 },
	{ "PT", "Portugal", 1 },
	{ "PW", "Palau", 0 },
	{ "PY", "Paraguay", 0 },
	{ "QA", "Qatar", 0 },
	{ "RE", "Réunion", 1 },
	{ "RO", "Romania", 1 },
	{ "RS", "Serbia", 0 },
	{ "RU", "Russia", 0 },
	{ "RW", "Rwanda", 0 },
	{ "SA", "Saudi Arabia", 0 },
	{ "SB", "Solomon Islands", 0 },
	{ "SC", "Seychelles", 0 },
	{ "SD", "Sudan", 0 },
	{ "SE", "Sweden", 1 },
	{ "SG", "Singapore", 0 },
	{ "SH", "Saint Helena, Ascension and Tristan da Cunha", 0 },
	{ "SI", "Slovenia", 1 },
	{ "SJ", "Svalbard and Jan Mayen", 0 },
	{ "SK", "Slovakia", 1 },
	{ "SL", "Sierra Leone", 0 },
	{ "SM", "San Marino", 0 },
	{ "SN", "Senegal", 0 },
	{ "SO", "Somalia", 0 },
	{ "SR", "Suriname", 0 },
	{ "SS", "South Sudan", 0 },
	{ "ST", "São Tomé and Príncipe", 0 },
	{ "SV", "El Salvador", 0 },
	{ "SX", "Sint Maarten (Dutch part)", 0 },
	{ "SY", "Syria", 0 },
	{ "SZ", "Eswatini", 0 },
	{ "TC", "Turks and Caicos Islands", 0 },
	{ "TD", "Chad", 0 },
	{ "TF", "French Southern Territories", 0 },
	{ "TG", "Togo", 0 },
	{ "TH", "Thailand", 0 },
	{ "TJ", "Tajikistan", 0 },
	{ "TK", "Tokelau", 0 },
	{ "TL", "Timor-Leste", 0 },
	{ "TM", "Turkmenistan", 0 },
	{ "TN", "Tunisia", 0 },
	{ "TO", "Tonga", 0 },
	{ "TR", "Türkiye", 0 },
	{ "TT", "Trinidad and Tobago", 0 },
	{ "TV", "Tuvalu", 0 },
	{ "TW", "Taiwan", 0 },
	{ "TZ", "Tanzania", 0 },
	{ "UA", "Ukraine", 0 },
	{ "UG", "Uganda", 0 },
	{ "UM", "United States Minor Outlying Islands", 0 },
	{ "US", "United States", 0 },
	{ "UY", "Uruguay", 0 },
	{ "UZ", "Uzbekistan", 0 },
	{ "VA", "Holy See", 0 },
	{ "VC", "Saint Vincent and the Grenadines", 0 },
	{ "VE", "Venezuela", 0 },
	{ "VG", "British Virgin Islands", 0 },
	{ "VI", "United States Virgin Islands", 0 },
	{ "VN", "Viet Nam", 0 },
	{ "VU", "Vanuatu", 0 },
	{ "WF", "Wallis and Futuna", 0 },
	{ "WS", "Samoa", 0 },
	{ "YE", "Yemen", 0 },
	{ "YT", "Mayotte", 1 },
	{ "ZA", "South Africa", 0 },
	{ "ZM", "Zambia", 0 },
	{ "ZW", "Zimbabwe", 0 },
};

/* The table entry for cc, or NULL unless cc is two uppercase ASCII
 * letters naming an assigned code. The table is sorted by code: a
 * binary search comparing the two letters directly (no strcmp per
 * probe; every data entry asks this several times). */
static const struct country *
country_find(const char *cc)
{
	size_t lo = 0, hi = sizeof(countries) / sizeof(countries[0]);

	if (cc == NULL || !(cc[0] >= 'A' && cc[0] <= 'Z') ||
	    !(cc[1] >= 'A' && cc[1] <= 'Z') || cc[2] != '\0')
		return NULL;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		const char *code = countries[mid].code;
		int d = cc[0] != code[0] ? cc[0] - code[0] : cc[1] - code[1];

		if (d == 0)
			return &countries[mid];
		if (d < 0)
			hi = mid;
		else
			lo = mid + 1;
	}
	return NULL;
}

int
country_valid(const char *cc)
{
	return country_find(cc) != NULL;
}

int
country_in_eea_uk(const char *cc)
{
	const struct country	*c = country_find(cc);

	return c != NULL && c->eea_uk;
}

const char *
country_name(const char *cc)
{
	const struct country	*c = country_find(cc);

	return c != NULL ? c->name : NULL;
}

/* The name of cc, or cc itself when it names no country (or NULL). */
const char *
country_label(const char *cc)
{
	const char *n = cc != NULL ? country_name(cc) : NULL;

	return n != NULL ? n : cc;
}
