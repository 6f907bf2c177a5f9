/*
 * vocab.c - the built-in vocabulary behind vocab.h.
 *
 * The taxonomy keys, their parents and the Art. 9 / Art. 10 flags are
 * copied from the fideslang default taxonomy (ethyca/fideslang,
 * src/fideslang/default_taxonomy, commit 40394c4, CC BY 4.0, Ethyca
 * Inc.) as listed in the fideslang-*.tsv files of shared/reference.
 * The names and descriptions are glasshouse's own: written for the
 * customer reading the public site, in the second person, in plain
 * British English, one sentence each. Nothing here is read from disk:
 * the tables are the copy.
 *
 * Rules every table keeps (tests/unit/test_vocab.c checks them):
 * term tables are sorted by strcmp() of key with no duplicates, so
 * vocab_find() can bisect; a parent sorts before its children (a
 * prefix always does); names carry no full stop, descriptions end with
 * one. Strings are UTF-8.
 */
#include <stdlib.h>
#include <string.h>

#include "vocab.h"

/* The JI_* indexes and JUR_* bits must stay in step. */
_Static_assert(JUR_BIT(JI_EU_GDPR) == JUR_EU_GDPR, "JI/JUR mismatch");
_Static_assert(JUR_BIT(JI_UK_GDPR) == JUR_UK_GDPR, "JI/JUR mismatch");
_Static_assert(JUR_BIT(JI_LGPD) == JUR_LGPD, "JI/JUR mismatch");
_Static_assert(JUR_BIT(JI_CCPA) == JUR_CCPA, "JI/JUR mismatch");

/* Data categories. special: 9 = GDPR Art. 9, 10 = Art. 10. */
const struct term vocab_categories[] = {
	{ "system", "Technical records from our systems",
	  "Information our computers record about how our own systems run, rather than about you as a person.",
	  NULL, 0 },
	{ "system.authentication", "Security records on our systems",
	  "Technical data our systems use to control who can sign in and what they can reach, such as security tokens and access records.",
	  "system", 0 },
	{ "system.operations", "Records of how our systems run",
	  "Technical data our systems need to work properly, such as logs, error reports and settings.",
	  "system", 0 },
	{ "user", "Information about you",
	  "Any information that relates to you as a person.",
	  NULL, 0 },
	{ "user.account", "Your account",
	  "Information about the account you have with us.",
	  "user", 0 },
	{ "user.account.settings", "Your account settings",
	  "The choices you have made in your account, such as your preferred language or which notifications you get.",
	  "user.account", 0 },
	{ "user.account.username", "Your username",
	  "The name you chose to sign in with or to show to other people.",
	  "user.account", 0 },
	{ "user.authorization", "How you prove it is you",
	  "Information used to check that it is really you, such as passwords, security keys and one-time codes.",
	  "user", 0 },
	{ "user.authorization.biometric", "Your face or fingerprint for signing in",
	  "A scan of your face, fingerprint or another feature of your body that you use to sign in instead of, or as well as, a password.",
	  "user.authorization", 9 },
	{ "user.authorization.credentials", "Your sign-in details",
	  "The details you sign in with, such as your username together with your password, a security key or a one-time code.",
	  "user.authorization", 0 },
	{ "user.authorization.password", "Your password",
	  "The secret password you chose to sign in to your account.",
	  "user.authorization", 0 },
	{ "user.behavior", "What you do on our services",
	  "Information about how you use our website, apps and services that we see for ourselves rather than you telling us.",
	  "user", 0 },
	{ "user.behavior.browsing_history", "Pages you looked at on our site",
	  "Which pages you visited, which links you clicked, in what order and when.",
	  "user.behavior", 0 },
	{ "user.behavior.media_consumption", "What you watched, read or listened to",
	  "The videos, articles, music or other content you watched, read or listened to with us.",
	  "user.behavior", 0 },
	{ "user.behavior.purchase_history", "What you have bought from us",
	  "The things you have bought from us, when you bought them and how much you paid.",
	  "user.behavior", 0 },
	{ "user.behavior.search_history", "What you searched for",
	  "The words you typed into the search box on our site or app.",
	  "user.behavior", 0 },
	{ "user.biometric", "Measurements of your body that identify you",
	  "Measurements of your body, such as your fingerprint, face, eyes or voice, that can be used to recognise you.",
	  "user", 9 },
	{ "user.biometric.fingerprint", "Your fingerprint",
	  "A scan or image of your fingerprint that can be used to recognise you.",
	  "user.biometric", 9 },
	{ "user.biometric.health", "Health readings from your body",
	  "Measurements such as your heart rate, blood pressure or sleep patterns, taken by a device or sensor.",
	  "user.biometric", 9 },
	{ "user.biometric.retinal", "A scan of your eye",
	  "An image of your retina or iris that can be used to recognise you.",
	  "user.biometric", 9 },
	{ "user.biometric.voice", "Recordings of your voice",
	  "Recordings of your voice, or a voice print made from them, that can be used to recognise you.",
	  "user.biometric", 9 },
	{ "user.childrens", "Information about children",
	  "Any information about a child, which the law expects us to handle with extra care.",
	  "user", 0 },
	{ "user.contact", "Your contact details",
	  "The details we use to get in touch with you.",
	  "user", 0 },
	{ "user.contact.address", "Your postal address",
	  "The address where you live or where we send your letters and parcels.",
	  "user.contact", 0 },
	{ "user.contact.address.city", "Your town or city",
	  "The town or city part of your address.",
	  "user.contact.address", 0 },
	{ "user.contact.address.country", "Your country",
	  "The country part of your address.",
	  "user.contact.address", 0 },
	{ "user.contact.address.postal_code", "Your postcode",
	  "The postcode or ZIP code part of your address.",
	  "user.contact.address", 0 },
	{ "user.contact.address.state", "Your county, state or region",
	  "The county, state or region part of your address.",
	  "user.contact.address", 0 },
	{ "user.contact.address.street", "Your street address",
	  "The house name or number and street part of your address.",
	  "user.contact.address", 0 },
	{ "user.contact.email", "Your email address",
	  "The email address we use to write to you.",
	  "user.contact", 0 },
	{ "user.contact.fax_number", "Your fax number",
	  "The number we can send a fax to.",
	  "user.contact", 0 },
	{ "user.contact.organization", "The organisation you represent",
	  "The company or organisation you belong to or act for when you deal with us.",
	  "user.contact", 0 },
	{ "user.contact.phone_number", "Your phone number",
	  "The mobile or landline number we can call or text you on.",
	  "user.contact", 0 },
	{ "user.contact.url", "Your website",
	  "The address of a website or profile page that you gave us.",
	  "user.contact", 0 },
	{ "user.content", "Things you create or upload",
	  "Messages, posts, photos, files and other content you create or send through our services.",
	  "user", 0 },
	{ "user.content.private", "Your private messages and files",
	  "Content you share only with us or with people you choose, such as private messages or uploaded files.",
	  "user.content", 0 },
	{ "user.content.public", "What you post publicly",
	  "Content you choose to make public, such as reviews, comments or a public profile.",
	  "user.content", 0 },
	{ "user.content.self_image", "Photos or videos of you",
	  "Pictures or videos that show you, such as a profile photo.",
	  "user.content", 0 },
	{ "user.criminal_history", "Your criminal record",
	  "Information about criminal offences you have been suspected of, charged with or convicted of.",
	  "user", 10 },
	{ "user.demographic", "Background facts about you",
	  "General facts about who you are, such as your age, gender, language or family status.",
	  "user", 0 },
	{ "user.demographic.age_range", "Your age group",
	  "Roughly how old you are, such as 25 to 34, rather than your exact age.",
	  "user.demographic", 0 },
	{ "user.demographic.date_of_birth", "Your date of birth",
	  "The day, month and year you were born.",
	  "user.demographic", 0 },
	{ "user.demographic.gender", "Your gender",
	  "Your gender, as you told us or as we recorded it.",
	  "user.demographic", 0 },
	{ "user.demographic.language", "Your language",
	  "The language you speak or would like us to use with you.",
	  "user.demographic", 0 },
	{ "user.demographic.marital_status", "Whether you are married",
	  "Whether you are single, married, in a civil partnership, divorced or widowed.",
	  "user.demographic", 0 },
	{ "user.demographic.political_opinion", "Your political views",
	  "What you think about politics, including which party or cause you support or belong to.",
	  "user.demographic", 9 },
	{ "user.demographic.profile", "Your profile and interests",
	  "What you tell us about yourself in your profile, such as a short description or the things you are interested in.",
	  "user.demographic", 0 },
	{ "user.demographic.race_ethnicity", "Your racial or ethnic origin",
	  "Your race or ethnic background.",
	  "user.demographic", 9 },
	{ "user.demographic.religious_belief", "Your religion or beliefs",
	  "Your religion or your philosophical beliefs, including having none.",
	  "user.demographic", 9 },
	{ "user.demographic.sexual_orientation", "Your sexual orientation",
	  "Who you are attracted to, for example whether you are gay, straight or bisexual.",
	  "user.demographic", 9 },
	{ "user.device", "Your device",
	  "Information about the phone, tablet or computer you use to reach us.",
	  "user", 0 },
	{ "user.device.cookie", "Cookies on your device",
	  "Small files a website stores in your browser so it can remember you or your choices between visits.",
	  "user.device", 0 },
	{ "user.device.cookie_id", "Your browser's cookie ID",
	  "A code kept in a cookie that lets a website recognise your browser when you come back.",
	  "user.device", 0 },
	{ "user.device.device_id", "Your device ID",
	  "A code that identifies your phone, tablet or computer, such as an advertising ID or serial number.",
	  "user.device", 0 },
	{ "user.device.ip_address", "Your IP address",
	  "The internet address your device uses to connect, which can show roughly where you are.",
	  "user.device", 0 },
	{ "user.financial", "Your financial details",
	  "Information about your money and accounts, such as your bank or card details.",
	  "user", 0 },
	{ "user.financial.bank_account", "Your bank account details",
	  "Your bank account number, the details that identify your bank and the name on the account.",
	  "user.financial", 0 },
	{ "user.financial.credit_card", "Your card details",
	  "The number, expiry date and name on your credit or debit card.",
	  "user.financial", 0 },
	{ "user.government_id", "Your official identity documents",
	  "Numbers and documents issued by a government that prove who you are.",
	  "user", 0 },
	{ "user.government_id.birth_certificate", "Your birth certificate",
	  "Your birth certificate or the details written on it.",
	  "user.government_id", 0 },
	{ "user.government_id.drivers_license_number", "Your driving licence number",
	  "The number on your driving licence.",
	  "user.government_id", 0 },
	{ "user.government_id.immigration", "Your visa or immigration status",
	  "Your visa, residence permit or other immigration documents and their numbers.",
	  "user.government_id", 0 },
	{ "user.government_id.national_identification_number", "Your national ID number",
	  "A number the state gives you, such as a National Insurance, Social Security or identity card number.",
	  "user.government_id", 0 },
	{ "user.government_id.passport_number", "Your passport number",
	  "The number on your passport.",
	  "user.government_id", 0 },
	{ "user.government_id.vehicle_registration", "Your vehicle registration",
	  "The registration number on the plates of a car or other vehicle you own or use.",
	  "user.government_id", 0 },
	{ "user.health_and_medical", "Information about your health",
	  "Information about your physical or mental health, including illnesses, injuries, disabilities and treatment.",
	  "user", 9 },
	{ "user.health_and_medical.genetic", "Your genetic information",
	  "Information about your DNA or genes, for example from a test sample.",
	  "user.health_and_medical", 9 },
	{ "user.health_and_medical.insurance_beneficiary_id", "Your health insurance number",
	  "The number that identifies you on a medical or health insurance policy.",
	  "user.health_and_medical", 9 },
	{ "user.health_and_medical.record_id", "Your medical record number",
	  "The number a doctor, hospital or clinic uses to find your medical records.",
	  "user.health_and_medical", 9 },
	{ "user.job_title", "Your job title",
	  "The name of your role at work.",
	  "user", 0 },
	{ "user.location", "Where you are",
	  "Information about where you or your device are.",
	  "user", 0 },
	{ "user.location.imprecise", "Roughly where you are",
	  "Your approximate location, such as your town or region, but not your exact position.",
	  "user.location", 0 },
	{ "user.location.precise", "Exactly where you are",
	  "Your exact position, for example from your phone's GPS, accurate enough to find your street or building.",
	  "user.location", 0 },
	{ "user.name", "Your name",
	  "Your full name as you gave it to us.",
	  "user", 0 },
	{ "user.name.first", "Your first name",
	  "Your first or given name.",
	  "user.name", 0 },
	{ "user.name.last", "Your last name",
	  "Your last name, surname or family name.",
	  "user.name", 0 },
	{ "user.payment", "Your payment records",
	  "Details of how you pay us and of the payments you have made, such as the method, amount and date.",
	  "user", 0 },
	{ "user.privacy_preferences", "Your privacy choices",
	  "The choices you made about how we may use your data, such as your cookie settings or marketing opt-outs.",
	  "user", 0 },
	{ "user.sensor", "Sensor readings",
	  "Measurements collected by sensors and monitoring equipment, such as cameras, microphones or motion sensors.",
	  "user", 0 },
	{ "user.social", "Your social media activity",
	  "Information about your activity on social networks, such as your profile, connections, likes and shares.",
	  "user", 0 },
	{ "user.telemetry", "How you use our apps and devices",
	  "Technical readings our apps or devices send us automatically, such as which features you used, error reports and how long things took.",
	  "user", 0 },
	{ "user.unique_id", "A number that identifies you",
	  "A unique code, such as a customer or membership number, that we use to tell your records apart from everyone else's.",
	  "user", 0 },
	{ "user.unique_id.pseudonymous", "A code used in place of your name",
	  "A code we use instead of your name so that people and systems can work with your data without seeing who you are, although it can still be linked back to you.",
	  "user.unique_id", 0 },
	{ "user.user_sensor", "Sensor readings about your surroundings",
	  "Measurements a device takes of the place around you, such as temperature, light or sound, while you use our products.",
	  "user", 0 },
	{ "user.workplace", "Where you work",
	  "The name and address of the place where you work.",
	  "user", 0 },
};
const size_t vocab_ncategories =
    sizeof(vocab_categories) / sizeof(vocab_categories[0]);

/* Data subjects: who the data is about. special is always 0. */
const struct term vocab_subjects[] = {
	{ "anonymous_user", "People we cannot identify",
	  "People who use our services without us knowing who they are.",
	  NULL, 0 },
	{ "citizen_voter", "Citizens and voters",
	  "People we deal with as citizens or voters, for example on an electoral register.",
	  NULL, 0 },
	{ "commuter", "Commuters",
	  "People who use our services to travel to and from work or study.",
	  NULL, 0 },
	{ "consultant", "Consultants and contractors",
	  "People who work for us under a contract rather than as employees.",
	  NULL, 0 },
	{ "customer", "Customers",
	  "People who buy from us.",
	  NULL, 0 },
	{ "employee", "Employees",
	  "People who work for us.",
	  NULL, 0 },
	{ "job_applicant", "Job applicants",
	  "People who apply to work for us.",
	  NULL, 0 },
	{ "next_of_kin", "Next of kin and emergency contacts",
	  "People someone named to us as a relative or emergency contact.",
	  NULL, 0 },
	{ "passenger", "Passengers",
	  "People who travel with us or in vehicles we run.",
	  NULL, 0 },
	{ "patient", "Patients",
	  "People who receive care or treatment from us.",
	  NULL, 0 },
	{ "prospect", "Prospective customers",
	  "People who have not bought from us yet but might, for example after asking about our products.",
	  NULL, 0 },
	{ "shareholder", "Shareholders",
	  "People who own shares in our company.",
	  NULL, 0 },
	{ "supplier_vendor", "Suppliers",
	  "People who sell goods or services to us, or who work for businesses that do.",
	  NULL, 0 },
	{ "trainee", "Trainees and students",
	  "People who train or study with us, such as apprentices and interns.",
	  NULL, 0 },
	{ "visitor", "Visitors",
	  "People who visit our website, apps or premises.",
	  NULL, 0 },
};
const size_t vocab_nsubjects =
    sizeof(vocab_subjects) / sizeof(vocab_subjects[0]);

/* Data uses: what the data is used for. special is always 0. */
const struct term vocab_uses[] = {
	{ "analytics", "Understanding how our services are used",
	  "We measure how people use our services so that we can understand and improve them.",
	  NULL, 0 },
	{ "analytics.reporting", "Reports and statistics",
	  "We count and summarise how our services are used to produce reports and statistics.",
	  "analytics", 0 },
	{ "analytics.reporting.ad_performance", "Measuring how well our adverts work",
	  "We measure how many people see our adverts and what they do after seeing them.",
	  "analytics.reporting", 0 },
	{ "analytics.reporting.campaign_insights", "Learning from our marketing campaigns",
	  "We study how people respond to our campaigns to understand what works and what does not.",
	  "analytics.reporting", 0 },
	{ "analytics.reporting.content_performance", "Measuring which content people use",
	  "We measure how people find and use our pages, articles and videos so that we can improve them.",
	  "analytics.reporting", 0 },
	{ "analytics.reporting.system", "Monitoring activity on our systems",
	  "We record how our systems are used so that we can understand their activity and spot problems.",
	  "analytics.reporting", 0 },
	{ "analytics.reporting.system.performance", "Checking our systems run well",
	  "We measure speed, errors and load so that our website and apps stay fast and reliable.",
	  "analytics.reporting.system", 0 },
	{ "collect", "Collecting data for later use",
	  "We collect and store data now to use later for another purpose, such as building or training software.",
	  NULL, 0 },
	{ "employment", "Employing people",
	  "We use data to manage our relationship with the people who work for us.",
	  NULL, 0 },
	{ "employment.recruitment", "Recruiting staff",
	  "We use data to advertise jobs, assess applications and hire people.",
	  "employment", 0 },
	{ "essential", "Essential to what we do",
	  "We could not provide our services or meet our obligations without this use.",
	  NULL, 0 },
	{ "essential.fraud_detection", "Preventing fraud",
	  "We check activity for signs of fraud to protect you and us.",
	  "essential", 0 },
	{ "essential.legal_obligation", "Meeting our legal duties",
	  "The law requires us to keep or use this data, for example for tax records.",
	  "essential", 0 },
	{ "essential.service", "Running the service you asked for",
	  "We need this data to provide the product or service you asked us for.",
	  "essential", 0 },
	{ "essential.service.authentication", "Signing you in",
	  "We check that it is really you when you sign in.",
	  "essential.service", 0 },
	{ "essential.service.notifications", "Sending you service messages",
	  "We send you messages you need about the service, such as confirmations and alerts, which are not marketing.",
	  "essential.service", 0 },
	{ "essential.service.notifications.email", "Sending you service emails",
	  "We email you messages you need about the service, such as order confirmations and password resets.",
	  "essential.service.notifications", 0 },
	{ "essential.service.notifications.sms", "Sending you service texts",
	  "We send you text messages you need about the service, such as delivery updates or sign-in codes.",
	  "essential.service.notifications", 0 },
	{ "essential.service.operations", "Keeping the service running",
	  "We use data to run the service from day to day.",
	  "essential.service", 0 },
	{ "essential.service.operations.improve", "Improving our customer support",
	  "We look back at how we helped you so that we can give better support in future.",
	  "essential.service.operations", 0 },
	{ "essential.service.operations.support", "Helping you when you contact us",
	  "We use your data to answer your questions and sort out problems you raise with us.",
	  "essential.service.operations", 0 },
	{ "essential.service.payment_processing", "Taking payments",
	  "We use your data to take payments, give refunds and keep records of what you paid.",
	  "essential.service", 0 },
	{ "essential.service.security", "Keeping the service secure",
	  "We use data to protect our services and your account from misuse and attacks.",
	  "essential.service", 0 },
	{ "essential.service.upgrades", "Telling you about upgrades",
	  "We tell you about upgrades and changes to the service you already use.",
	  "essential.service", 0 },
	{ "finance", "Finance and accounting",
	  "We use data to keep our accounts, send and pay bills and manage our money.",
	  NULL, 0 },
	{ "functional", "Features you choose to use",
	  "We use data to provide particular features that you asked for.",
	  NULL, 0 },
	{ "functional.service", "Making features work",
	  "We use data to make particular features of the service work the way you asked.",
	  "functional", 0 },
	{ "functional.service.improve", "Improving the service",
	  "We use data to fix problems and make our products better.",
	  "functional.service", 0 },
	{ "functional.storage", "Storing things on your device",
	  "We save data in your browser or on your device, for example in cookies, so that features work.",
	  "functional", 0 },
	{ "functional.storage.privacy_preferences", "Remembering your privacy choices",
	  "We save your privacy choices, such as your cookie settings, on your device so that we do not ask you every time.",
	  "functional.storage", 0 },
	{ "marketing", "Marketing",
	  "We use data to tell you and other people about our products and offers.",
	  NULL, 0 },
	{ "marketing.advertising", "Advertising",
	  "We use data to show adverts and promote our products.",
	  "marketing", 0 },
	{ "marketing.advertising.first_party", "Advertising our own products",
	  "We use data to show you adverts for our own products and services.",
	  "marketing.advertising", 0 },
	{ "marketing.advertising.first_party.contextual", "Adverts that match what you are looking at",
	  "We show you adverts chosen to fit the page you are looking at, not your past activity.",
	  "marketing.advertising.first_party", 0 },
	{ "marketing.advertising.first_party.targeted", "Our adverts chosen for you",
	  "We use what we know about you to choose which of our adverts to show you.",
	  "marketing.advertising.first_party", 0 },
	{ "marketing.advertising.frequency_capping", "Limiting how often you see an advert",
	  "We count how often you have seen an advert so that we do not show it to you too many times.",
	  "marketing.advertising", 0 },
	{ "marketing.advertising.negative_targeting", "Leaving you out of some adverts",
	  "We use data to avoid showing you adverts that do not fit, for example for something you have already bought.",
	  "marketing.advertising", 0 },
	{ "marketing.advertising.profiling", "Building an advertising profile of you",
	  "We analyse your data to predict your interests so that adverts can be chosen for you.",
	  "marketing.advertising", 0 },
	{ "marketing.advertising.serving", "Delivering adverts",
	  "We use the data needed to put an advert on your screen and to count that it was shown.",
	  "marketing.advertising", 0 },
	{ "marketing.advertising.third_party", "Advertising through other companies",
	  "We work with other companies, such as advertising networks, that use data to show adverts.",
	  "marketing.advertising", 0 },
	{ "marketing.advertising.third_party.targeted", "Adverts chosen for you by other companies",
	  "Other companies use data about you, including from other websites and apps, to choose which adverts to show you.",
	  "marketing.advertising.third_party", 0 },
	{ "marketing.communications", "Marketing messages",
	  "We send you news and offers about our products.",
	  "marketing", 0 },
	{ "marketing.communications.email", "Marketing emails",
	  "We email you news and offers about our products.",
	  "marketing.communications", 0 },
	{ "marketing.communications.sms", "Marketing texts",
	  "We send you text messages with news and offers about our products.",
	  "marketing.communications", 0 },
	{ "operations", "Running our business",
	  "We use data for everyday business operations such as planning, stock and deliveries.",
	  NULL, 0 },
	{ "personalize", "Tailoring our services to you",
	  "We use data to adjust our services to suit you.",
	  NULL, 0 },
	{ "personalize.content", "Content chosen for you",
	  "We use data to choose which content or products to show you.",
	  "personalize", 0 },
	{ "personalize.content.limited", "Content chosen from basic details",
	  "We tailor what you see using only basic details, such as your language or rough location, not a profile of you.",
	  "personalize.content", 0 },
	{ "personalize.content.profiled", "Content chosen from your profile",
	  "We tailor what you see using a profile of your interests built from your past activity.",
	  "personalize.content", 0 },
	{ "personalize.content.profiling", "Building a profile to choose content for you",
	  "We analyse your activity to build a profile of your interests that is then used to tailor what you see.",
	  "personalize.content", 0 },
	/* Deprecated in fideslang 2.1.1 (use personalize.content.profiling);
	 * kept because existing content may still name it. */
	{ "personalize.profiling", "Building a profile of your interests",
	  "We analyse your activity to build a profile of your interests and tailor our services to it.",
	  "personalize", 0 },
	{ "personalize.system", "Tailoring how our service works",
	  "We adjust settings and features, such as the layout or language, to suit you.",
	  "personalize", 0 },
	{ "sales", "Selling our products",
	  "We use data to sell our products and services, for example to follow up when you ask about them.",
	  NULL, 0 },
	{ "third_party_sharing", "Sharing with other organisations",
	  "We give data to other organisations.",
	  NULL, 0 },
	{ "third_party_sharing.legal_obligation", "Sharing when the law requires it",
	  "We give data to authorities or others when the law requires us to.",
	  "third_party_sharing", 0 },
	{ "train_ai_system", "Training AI systems",
	  "We use data to train or improve artificial intelligence (AI) and machine learning software.",
	  NULL, 0 },
};
const size_t vocab_nuses = sizeof(vocab_uses) / sizeof(vocab_uses[0]);

/* Legal bases, GDPR Art. 6(1)(a)-(f). */
const struct enumval vocab_legal_bases[LB__COUNT] = {
	[LB_NONE] = { NULL, NULL, NULL },
	[LB_CONSENT] = { "consent", "Consent",
	    "You said yes, and you can change your mind at any time." },
	[LB_CONTRACT] = { "contract", "Contract",
	    "We need it to do what you asked us to, such as delivering your order or running your account; without it we cannot provide the service." },
	[LB_LEGAL_OBLIGATION] = { "legal-obligation", "Legal obligation",
	    "The law requires us to do this, for example to keep records for tax." },
	[LB_VITAL_INTERESTS] = { "vital-interests", "Vital interests",
	    "We need it to protect someone's life or safety, for example in a medical emergency." },
	[LB_PUBLIC_TASK] = { "public-task", "Public task",
	    "We need it to carry out a task in the public interest or an official duty that the law gives us." },
	[LB_LEGITIMATE_INTERESTS] = { "legitimate-interests", "Legitimate interests",
	    "We need it for a reasonable purpose of our own that we have weighed against your rights and interests. You can object, and we will stop unless we have strong grounds to carry on." },
};

/* Conditions for special-category data, GDPR Art. 9(2)(a)-(j). */
const struct enumval vocab_special_conditions[SC__COUNT] = {
	[SC_NONE] = { NULL, NULL, NULL },
	[SC_EXPLICIT_CONSENT] = { "explicit-consent", "Explicit consent",		/* (a) */
	    "You clearly said yes to this particular use, and you can change your mind at any time." },
	[SC_EMPLOYMENT] = { "employment", "Employment and social security law",	/* (b) */
	    "Employment, social security or social protection law requires or allows it, for example to pay you sick pay." },
	[SC_VITAL_INTERESTS] = { "vital-interests", "Vital interests",		/* (c) */
	    "It is needed to protect your life or someone else's when you cannot give consent, for example if you are unconscious." },
	[SC_NOT_FOR_PROFIT] = { "not-for-profit", "Not-for-profit body",		/* (d) */
	    "We are a charity, union or similar not-for-profit body; we use it only about our members or people in regular contact with us, and do not pass it on without your consent." },
	[SC_MADE_PUBLIC] = { "made-public", "Made public by you",			/* (e) */
	    "You have clearly made this information public yourself." },
	[SC_LEGAL_CLAIMS] = { "legal-claims", "Legal claims",			/* (f) */
	    "We need it to bring or defend a legal claim, or a court needs it." },
	[SC_SUBSTANTIAL_PUBLIC_INTEREST] = { "substantial-public-interest",		/* (g) */
	    "Substantial public interest",
	    "The law allows it for an important public reason, such as preventing fraud or protecting people at risk, with safeguards for you." },
	[SC_HEALTH_CARE] = { "health-care", "Health or social care",		/* (h) */
	    "It is needed for your medical or social care, or to assess whether you are fit to work, and is handled by professionals bound by confidentiality." },
	[SC_PUBLIC_HEALTH] = { "public-health", "Public health",			/* (i) */
	    "It is needed to protect public health, for example against serious threats to health or to keep medicines and medical devices safe." },
	[SC_ARCHIVING_RESEARCH] = { "archiving-research",				/* (j) */
	    "Archiving, research or statistics",
	    "It is used for archiving in the public interest, scientific or historical research, or statistics, with safeguards that protect you." },
};

/* Safeguards for transfers outside the EEA/UK: GDPR Art. 45, 46(2)(c),
 * 47 and 49 (UK: adequacy regulations, the IDTA or Addendum, BCRs, and
 * the same exceptions). */
const struct enumval vocab_safeguards[SG__COUNT] = {
	[SG_NONE] = { NULL, NULL, NULL },
	[SG_ADEQUACY] = { "adequacy", "Adequacy decision",
	    "The authorities have officially recognised that this country protects personal data to a standard close to ours." },
	[SG_SCC] = { "scc", "Standard contractual clauses",
	    "The recipient has signed a contract, in wording approved by the authorities, that requires them to protect your data as carefully as we must." },
	[SG_BCR] = { "bcr", "Binding corporate rules",
	    "The recipient's group of companies follows internal data protection rules that a data protection authority has approved." },
	[SG_DEROGATION] = { "derogation", "Exception for a specific situation",
	    "No general safeguard applies, so we rely on a narrow exception in the law, for example because you explicitly agreed or the transfer is needed to carry out your contract." },
};

/* Laws a site can say it follows (site.yaml jurisdictions). */
const struct enumval vocab_jurisdictions[JI__COUNT] = {
	[JI_NONE] = { NULL, NULL, NULL },
	[JI_EU_GDPR] = { "eu-gdpr", "EU GDPR",
	    "The General Data Protection Regulation, which protects people in the European Union." },
	[JI_UK_GDPR] = { "uk-gdpr", "UK GDPR",
	    "The UK General Data Protection Regulation and the Data Protection Act 2018, which protect people in the United Kingdom." },
	[JI_LGPD] = { "lgpd", "LGPD (Brazil)",
	    "Brazil's General Personal Data Protection Law (Lei Geral de Proteção de Dados Pessoais), which protects people in Brazil." },
	[JI_CCPA] = { "ccpa", "CCPA/CPRA (California)",
	    "The California Consumer Privacy Act, as amended by the California Privacy Rights Act, which protects people who live in California." },
};

/*
 * What to expect after a request, per law. GDPR and UK GDPR Art. 12(3)
 * (UK also Art. 12A); LGPD Art. 18 §4 and Art. 19; CCPA §1798.130(a)(2)
 * and the CCPA regulations §7021, §7026(f), §7027(g).
 */
#define R_GDPR	"We answer within one month. If your request is complex or you send several, we may take up to two more months, and we will tell you why within the first month."
#define R_LGPD	"We act as soon as we can; if we cannot act straight away, we reply to tell you why."
#define R_LGPD_ACCESS	"We can confirm straight away in short form, or send you a full statement within 15 days."
#define R_CCPA	"We confirm we have your request within 10 business days and answer within 45 days; if we need longer, we tell you why and may take up to 45 more days."
#define R_CCPA_STOP	"We stop as soon as we can, and no later than 15 business days after your request."

/* Shorthand for the respond[] column, in JI_* order. */
#define RESP(eu, uk, br, ca)	{ NULL, eu, uk, br, ca }

/* Rights, in the order a rights page shows them. */
const struct right vocab_rights[] = {
	{ "be-informed", "Be told what we do with your data",
	  "You have the right to clear, plain information about what data we collect, why we use it, who we share it with, how long we keep it and what your rights are. This site is where we tell you, and we keep it up to date.",
	  JUR_ALL,
	  "GDPR Art. 12-14; UK GDPR Art. 12-14; LGPD Art. 9; CCPA §1798.100, §1798.130(a)(5)",
	  RESP(NULL, NULL, NULL, NULL) },
	{ "access", "See the data we hold about you",
	  "You can ask us whether we hold data about you and, if we do, for a copy of it, together with why we use it, where it came from, who we share it with and how long we keep it. This is usually free.",
	  JUR_ALL,
	  "GDPR Art. 15; UK GDPR Art. 15; LGPD Art. 18(I)-(II), Art. 19; CCPA §1798.110",
	  RESP(R_GDPR, R_GDPR, R_LGPD_ACCESS, R_CCPA) },
	{ "sharing-info", "Find out who we share your data with",
	  "You can ask which organisations, or which kinds of organisation, we have given or sold your data to, and why.",
	  JUR_ALL,
	  "GDPR Art. 15(1)(c); UK GDPR Art. 15(1)(c); LGPD Art. 18(VII); CCPA §1798.110, §1798.115",
	  RESP(R_GDPR, R_GDPR, R_LGPD, R_CCPA) },
	{ "rectification", "Correct data that is wrong",
	  "If data we hold about you is wrong, out of date or incomplete, you can ask us to correct it or fill in the gaps. We may check the correction with you first.",
	  JUR_ALL,
	  "GDPR Art. 16; UK GDPR Art. 16; LGPD Art. 18(III); CCPA §1798.106",
	  RESP(R_GDPR, R_GDPR, R_LGPD, R_CCPA) },
	{ "erasure", "Have your data deleted",
	  "You can ask us to delete your data, for example when we no longer need it, when you withdraw your consent or when we should not have had it. Sometimes the law lets or requires us to keep some of it, such as tax records; if so, we tell you what we keep and why.",
	  JUR_ALL,
	  "GDPR Art. 17; UK GDPR Art. 17; LGPD Art. 18(IV), 18(VI); CCPA §1798.105",
	  RESP(R_GDPR, R_GDPR, R_LGPD, R_CCPA) },
	{ "restriction", "Ask us to pause using your data",
	  "You can ask us to keep your data but stop using it for a while, for example while we check a correction or an objection you made. We tell you before we start using it again.",
	  JUR_GDPR_ANY | JUR_LGPD,
	  "GDPR Art. 18; UK GDPR Art. 18; LGPD Art. 18(IV)",
	  RESP(R_GDPR, R_GDPR, R_LGPD, NULL) },
	{ "portability", "Take your data with you",
	  "You can ask for the data you gave us in a common, machine-readable format, such as a spreadsheet file, so that you can reuse it or move it to another company. Where it is technically possible, we can send it to that company directly.",
	  JUR_ALL,
	  "GDPR Art. 20; UK GDPR Art. 20; LGPD Art. 18(V); CCPA §1798.130(a)(3)(B)(iii)",
	  RESP(R_GDPR, R_GDPR, R_LGPD, R_CCPA) },
	{ "object", "Object to how we use your data",
	  "You can object when we use your data for our legitimate interests or a public task; we must then stop unless we have strong reasons that outweigh your rights, or need it for a legal claim. If you object to direct marketing, including profiling for marketing, we always stop.",
	  JUR_GDPR_ANY,
	  "GDPR Art. 21; UK GDPR Art. 21",
	  RESP(R_GDPR, R_GDPR, NULL, NULL) },
	{ "object-unlawful", "Object to use of your data that breaks the law",
	  "When we use your data without asking for your consent, you can object if you think we are not following data protection law, and ask us to stop.",
	  JUR_LGPD,
	  "LGPD Art. 18 §2",
	  RESP(NULL, NULL, R_LGPD, NULL) },
	{ "automated-decisions", "Have a person review decisions made by computer",
	  "If a decision that significantly affects you, such as whether you get a loan, is made by a computer alone with no person involved, you can ask for a person to review it, give your side and challenge the decision. You can also ask how the decision was reached.",
	  JUR_GDPR_ANY | JUR_LGPD,
	  "GDPR Art. 22; UK GDPR Art. 22A-22D (formerly Art. 22); LGPD Art. 20",
	  RESP(R_GDPR, R_GDPR, R_LGPD, NULL) },
	{ "withdraw-consent", "Change your mind about consent",
	  "Where we rely on your consent, you can withdraw it at any time, and doing so is as easy as giving it was. We then stop that use of your data; what we did before you withdrew stays lawful.",
	  JUR_GDPR_ANY | JUR_LGPD,
	  "GDPR Art. 7(3); UK GDPR Art. 7(3); LGPD Art. 8 §5, Art. 18(IX)",
	  RESP(NULL, NULL, NULL, NULL) },
	{ "refuse-consent-info", "Know what happens if you say no",
	  "Before you agree or give us data, you have the right to know whether you have to, and what happens if you do not, for example that we cannot deliver an order without your address.",
	  JUR_GDPR_ANY | JUR_LGPD,
	  "GDPR Art. 13(2)(e); UK GDPR Art. 13(2)(e); LGPD Art. 18(VIII)",
	  RESP(NULL, NULL, NULL, NULL) },
	{ "opt-out-of-sale", "Stop us selling or sharing your data",
	  "You can tell us not to sell your personal information, and not to share it for advertising based on what you do on other companies' sites and apps. A browser opt-out signal such as Global Privacy Control counts as such a request, and we will not ask you to opt back in for at least 12 months.",
	  JUR_CCPA,
	  "CCPA §1798.120, §1798.135",
	  RESP(NULL, NULL, NULL, R_CCPA_STOP) },
	{ "limit-sensitive", "Limit how we use your sensitive information",
	  "You can tell us to use sensitive information, such as your precise location, health, ethnic origin, account login or government ID numbers, only for what is needed to provide the goods or services you asked for.",
	  JUR_CCPA,
	  "CCPA §1798.121",
	  RESP(NULL, NULL, NULL, R_CCPA_STOP) },
	{ "non-discrimination", "Be treated fairly when you use your rights",
	  "We will not charge you more, give you a worse service or refuse you goods or services because you used your privacy rights. Any discount or reward that depends on your data is explained to you first and is your choice.",
	  JUR_CCPA,
	  "CCPA §1798.125",
	  RESP(NULL, NULL, NULL, NULL) },
	{ "complain", "Complain to the regulator",
	  "If you are unhappy with how we use your data or how we handled your request, you can complain to the data protection authority. We would like the chance to put things right first, so please tell us too.",
	  JUR_ALL,
	  "GDPR Art. 77; UK GDPR Art. 77; LGPD Art. 18 §1; CCPA §1798.199.45",
	  RESP(NULL, NULL, NULL, NULL) },
};
const size_t vocab_nrights = sizeof(vocab_rights) / sizeof(vocab_rights[0]);

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

/* bsearch comparator: a key string against a term. */
static int
term_cmp(const void *key, const void *elem)
{
	return strcmp(key, ((const struct term *)elem)->key);
}

const struct term *
vocab_find(const struct term *tab, size_t n, const char *key)
{
	if (tab == NULL || key == NULL)
		return NULL;
	return bsearch(key, tab, n, sizeof(*tab), term_cmp);
}

int
vocab_covers(const char *parent, const char *key)
{
	size_t	 len;

	if (parent == NULL || key == NULL)
		return 0;
	len = strlen(parent);
	/* A prefix only counts at a dot boundary. */
	return strncmp(parent, key, len) == 0 &&
	    (key[len] == '\0' || key[len] == '.');
}

int
vocab_enum(const struct enumval *tab, size_t n, const char *key)
{
	size_t	 i;

	if (tab == NULL || key == NULL)
		return 0;
	/* Entry 0 is the empty "not given" slot; tables are tiny. */
	for (i = 1; i < n; i++)
		if (tab[i].key != NULL && strcmp(tab[i].key, key) == 0)
			return (int)i;
	return 0;
}

const struct right *
vocab_right(const char *key)
{
	size_t	 i;

	if (key == NULL)
		return NULL;
	for (i = 0; i < vocab_nrights; i++)
		if (strcmp(vocab_rights[i].key, key) == 0)
			return &vocab_rights[i];
	return NULL;
}

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

/* English month names, January first. */
const char *const month_names[12] = {
	"January", "February", "March", "April", "May", "June", "July",
	"August", "September", "October", "November", "December"
};
