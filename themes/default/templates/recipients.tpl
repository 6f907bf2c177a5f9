{{%AUTOESCAPE context="HTML"}}
{{! recipients.tpl - every organisation that receives data. RECIPIENT: ID NAME ROLE ROLE_PLAIN ROLE_KEY COUNTRY COUNTRY_CODE, }}
{{! R_PURPOSE(TEXT), OUTSIDE, SAFEGUARD(LABEL PLAIN), TRANSFER(COUNTRY, T_SAFEGUARD(LABEL PLAIN)), HAS_TRANSFERS, }}
{{! RECEIVES, R_CATEGORY(NAME HREF CAT_SPECIAL), R_FOR(TITLE HREF), HAS_RUNS, R_RUNS(NAME SYS_LINK SYS_NOLINK), }}
{{! IS_SOURCE, R_SOURCE_CATEGORY, CHANGE, DECISION, STAFF_FIELDS(VISIBILITY CONTRACT(URL)), NOTES. NONE. }}
<h1>{{PAGE_TITLE}}</h1>
<p class="lead">These are the organisations that receive personal data from us, what they do with it, and how your data stays protected when it leaves the UK or the European Economic Area.</p>
{{#NONE}}<p>We do not share personal data with other organisations.</p>
{{/NONE}}
{{#RECIPIENT}}
<article class="recipient card" id="{{ID}}" aria-labelledby="r-{{ID}}">
<h2 id="r-{{ID}}">{{NAME}}</h2>
<dl class="facts-list">
<dt>Role</dt><dd>{{ROLE}}. {{ROLE_PLAIN}}</dd>
<dt>Where</dt><dd>{{COUNTRY}}{{#OUTSIDE}} <span class="tag">Outside the UK and EEA</span>{{/OUTSIDE}}</dd>
{{#R_PURPOSE}}<dt>What they do</dt><dd>{{TEXT}}</dd>
{{/R_PURPOSE}}
{{#SAFEGUARD}}<dt>How your data is protected</dt><dd><strong>{{LABEL}}.</strong> {{PLAIN}}</dd>
{{/SAFEGUARD}}
{{#HAS_TRANSFERS}}<dt>They pass it on to</dt><dd><ul class="plain">
{{#TRANSFER}}<li>{{COUNTRY}}{{#T_SAFEGUARD}}: <strong>{{LABEL}}.</strong> {{PLAIN}}{{/T_SAFEGUARD}}</li>
{{/TRANSFER}}
</ul></dd>
{{/HAS_TRANSFERS}}
{{#RECEIVES}}<dt>Data they receive</dt><dd>{{#R_CATEGORY}}<span class="item"><a href="{{HREF}}">{{NAME}}</a></span>{{/R_CATEGORY}}</dd>
<dt>For</dt><dd>{{#R_FOR}}<span class="item"><a href="{{HREF}}">{{TITLE}}</a></span>{{/R_FOR}}</dd>
{{/RECEIVES}}
{{#HAS_RUNS}}<dt>Runs for us</dt><dd>{{#R_RUNS}}<span class="item">{{#SYS_LINK}}<a href="{{HREF}}">{{NAME}}</a>{{/SYS_LINK}}{{#SYS_NOLINK}}{{NAME}}{{/SYS_NOLINK}}</span>{{/R_RUNS}}</dd>
{{/HAS_RUNS}}
{{#IS_SOURCE}}<dt>We receive from them</dt><dd>{{#R_SOURCE_CATEGORY}}<span class="item"><a href="{{HREF}}">{{NAME}}</a></span>{{/R_SOURCE_CATEGORY}}</dd>
{{/IS_SOURCE}}
{{#CHANGE}}<dt>Recent change</dt><dd>{{SUMMARY}} <span class="provenance">Decided on <time datetime="{{DATETIME}}">{{DECIDED}}</time> — <a href="{{HREF}}">{{ID}}</a></span></dd>
{{/CHANGE}}
{{#STAFF_FIELDS}}<dt class="staff-dt">Published to</dt><dd>{{VISIBILITY}}</dd>
{{#CONTRACT}}<dt class="staff-dt">Contract</dt><dd><a href="{{URL}}">{{URL}}</a></dd>
{{/CONTRACT}}
{{/STAFF_FIELDS}}
{{#DECISION}}<dt class="staff-dt">Latest decision</dt><dd><span class="provenance">Decided on <time datetime="{{DATETIME}}">{{DECIDED}}</time> — <a href="{{HREF}}">{{ID}}</a></span>: {{TITLE}} ({{STATUS}}, {{VISIBILITY}}){{#RATIONALE}}<div class="prose rationale">{{HTML:none}}</div>{{/RATIONALE}}{{#DEC_NOTE}}<br><strong>{{KEY}}:</strong> {{TEXT}}{{/DEC_NOTE}}</dd>
{{/DECISION}}
</dl>
{{>NOTES}}
</article>
{{/RECIPIENT}}
