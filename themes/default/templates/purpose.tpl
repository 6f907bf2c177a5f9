{{%AUTOESCAPE context="HTML"}}
{{! purpose.tpl - one purpose statement. TITLE ID SUMMARY, HAS_BODY(BODY: cmark HTML, the one unescaped value), }}
{{! RETIRED, PROPOSED, HAS_DATA/NO_DATA, ENTRY rows (E_CATEGORY E_SYSTEM E_SUBJECT RETENTION SOURCE REQUIRED E_RECIPIENT), }}
{{! BASIS(LABEL PLAIN KEY), LEGITIMATE_INTEREST(TEXT), SPECIAL, SPECIAL_CONDITION(LABEL PLAIN), BENEFIT(TEXT), USE(NAME), }}
{{! RECIPIENT(NAME ROLE COUNTRY HREF REC_PURPOSE), NO_RECIPIENTS, CHOICE_CONSENT(WITHDRAW), CHOICE_OBJECT, CHOICE_CONTRACT, }}
{{! CHOICE_LAW, CHOICE_OTHER, AUTOMATED(TEXT), NO_AUTOMATED, CHANGE, DECISION, STAFF_FIELDS, NOTES. }}
{{! "Not yet documented" markers: BENEFIT_UNDOCUMENTED, AUTOMATED_UNDOCUMENTED, E_REQUIRED_UNDOCUMENTED, E_SOLD_UNDOCUMENTED. }}
{{! CHANGE (public): SUMMARY DECIDED DATETIME ID HREF. DECISION (staff): DECIDED DATETIME ID HREF TITLE STATUS VISIBILITY ... }}
<nav class="breadcrumb" aria-label="Breadcrumb">
<ol>
<li><a href="{{INDEX_HREF}}#purposes">Why we use your data</a></li>
<li><span aria-current="page">{{TITLE}}</span></li>
</ol>
</nav>
<article class="purpose">
<h1>{{TITLE}}</h1>
<p class="lead">{{SUMMARY}}</p>
{{#RETIRED}}<p class="callout">We no longer use data for this purpose. This page stays so you can see what we did.</p>
{{/RETIRED}}
{{#PROPOSED}}<p class="callout callout-staff">Proposed: not in use yet and not published.</p>
{{/PROPOSED}}
{{#CHANGE}}<p class="callout callout-change"><strong>Recent change:</strong> {{SUMMARY}} <span class="provenance">Decided on <time datetime="{{DATETIME}}">{{DECIDED}}</time> — <a href="{{HREF}}">{{ID}}</a></span></p>
{{/CHANGE}}

{{#BENEFIT}}<p class="benefit"><strong>What you get:</strong> {{TEXT}}</p>
{{/BENEFIT}}
{{#BENEFIT_UNDOCUMENTED}}<p class="benefit"><strong>What you get:</strong> <span class="undocumented">Not yet documented</span></p>
{{/BENEFIT_UNDOCUMENTED}}
<dl class="keyfacts">
{{#BASIS}}<div><dt>Legal basis</dt><dd>{{LABEL}}</dd></div>
{{/BASIS}}
{{#USE}}<div><dt>Type of use</dt><dd>{{NAME}}</dd></div>
{{/USE}}
{{#SPECIAL}}<div><dt>Sensitive data</dt><dd>Yes</dd></div>
{{/SPECIAL}}
</dl>

{{#HAS_BODY}}<div class="prose">
{{BODY:none}}
</div>
{{/HAS_BODY}}

<section>
<h2 id="data-h">The data we use</h2>
{{#NO_DATA}}<p>This purpose does not use any personal data we list.</p>
{{/NO_DATA}}
{{#HAS_DATA}}<div class="table-wrap" role="region" aria-labelledby="data-h" tabindex="0">
<table class="data stack">
<thead>
<tr><th scope="col">Data</th><th scope="col">About</th><th scope="col">How long we keep it</th><th scope="col">From</th><th scope="col">Shared with</th><th scope="col">Do you have to give it?</th><th scope="col">Kept in</th></tr>
</thead>
<tbody>
{{#ENTRY}}<tr>
<th scope="row" data-label="Data">{{#E_CATEGORY}}<a href="{{HREF}}">{{NAME}}</a>{{#CAT_SPECIAL}} <span class="tag tag-special">Sensitive</span>{{/CAT_SPECIAL}}{{/E_CATEGORY}}</th>
<td data-label="About">{{#E_SUBJECT}}<span class="item">{{NAME}}</span>{{/E_SUBJECT}}</td>
<td data-label="How long we keep it">{{RETENTION}}</td>
<td data-label="From">{{SOURCE}}</td>
<td data-label="Shared with">{{#E_RECIPIENT}}<span class="item"><a href="{{HREF}}">{{NAME}}</a></span>{{/E_RECIPIENT}}{{#E_NOT_SHARED}}<span class="none">No one</span>{{/E_NOT_SHARED}}</td>
<td data-label="Do you have to give it?">{{REQUIRED}}{{#E_REQUIRED_UNDOCUMENTED}}<span class="undocumented">Not yet documented</span>{{/E_REQUIRED_UNDOCUMENTED}}{{#E_NOT_LINKED}}<span class="item note">Not linked to your identity</span>{{/E_NOT_LINKED}}{{#E_TRACKING}}<span class="item note">Used to track you across other companies' sites</span>{{/E_TRACKING}}{{#E_SOLD}}<span class="item note">Sold</span>{{/E_SOLD}}{{#E_SOLD_UNDOCUMENTED}}<span class="item note">Sold or shared: <span class="undocumented">not yet documented</span></span>{{/E_SOLD_UNDOCUMENTED}}</td>
<td data-label="Kept in">{{#E_SYSTEM}}{{#SYS_LINK}}<a href="{{HREF}}">{{NAME}}</a>{{/SYS_LINK}}{{#SYS_NOLINK}}{{NAME}}{{/SYS_NOLINK}}{{/E_SYSTEM}}</td>
</tr>
{{/ENTRY}}
</tbody>
</table>
</div>
{{/HAS_DATA}}
</section>

<section aria-labelledby="basis-h">
<h2 id="basis-h">Why the law allows it</h2>
{{#BASIS}}<p><strong>{{LABEL}}.</strong> {{PLAIN}}</p>
{{/BASIS}}
{{#LEGITIMATE_INTEREST}}<p><strong>Our legitimate interest:</strong> {{TEXT}}</p>
{{/LEGITIMATE_INTEREST}}
{{#SPECIAL_CONDITION}}<p><strong>Sensitive data — {{LABEL}}.</strong> {{PLAIN}}</p>
{{/SPECIAL_CONDITION}}
</section>

<section aria-labelledby="who-h">
<h2 id="who-h">Who receives it</h2>
{{#NO_RECIPIENTS}}<p>We do not share the data for this purpose with other organisations.</p>
{{/NO_RECIPIENTS}}
{{#HAS_RECIPIENTS}}<ul>
{{#RECIPIENT}}<li><a href="{{HREF}}">{{NAME}}</a> — {{ROLE}}, {{COUNTRY}}.{{#REC_PURPOSE}} {{TEXT}}{{/REC_PURPOSE}}</li>
{{/RECIPIENT}}
</ul>
{{/HAS_RECIPIENTS}}
</section>

<section aria-labelledby="choice-h">
<h2 id="choice-h">Your choices</h2>
{{#CHOICE_CONSENT}}<p>We only do this with your consent, and you can withdraw it at any time, as easily as you gave it: {{WITHDRAW}}</p>
<p>Withdrawing does not affect what we did before you withdrew.</p>
{{/CHOICE_CONSENT}}
{{#CHOICE_OBJECT}}<p>You have the right to object to this use of your data. Tell us at <a href="mailto:{{ORG_EMAIL}}">{{ORG_EMAIL}}</a> and we will stop, unless we have compelling reasons that override your interests, or we need the data for a legal claim. Where we use your data for direct marketing, we always stop.</p>
{{/CHOICE_OBJECT}}
{{#CHOICE_CONTRACT}}<p>We need this data to do what you asked us to do. If you do not give it to us, we cannot provide that service. You still have <a href="{{RIGHTS_HREF}}">all your other rights</a>.</p>
{{/CHOICE_CONTRACT}}
{{#CHOICE_LAW}}<p>The law requires us to do this, so we cannot stop when asked. You still have <a href="{{RIGHTS_HREF}}">all your other rights</a>.</p>
{{/CHOICE_LAW}}
{{#CHOICE_OTHER}}<p>Contact us at <a href="mailto:{{ORG_EMAIL}}">{{ORG_EMAIL}}</a> if you have questions or want to use <a href="{{RIGHTS_HREF}}">your rights</a>.</p>
{{/CHOICE_OTHER}}
</section>

{{#AUTOMATED}}<section aria-labelledby="auto-h">
<h2 id="auto-h">Automated decisions</h2>
<p>{{TEXT}}</p>
<p>You can ask for a person to review any such decision, give your point of view and contest it.</p>
</section>
{{/AUTOMATED}}
{{#AUTOMATED_UNDOCUMENTED}}<section aria-labelledby="auto-h">
<h2 id="auto-h">Automated decisions</h2>
<p><span class="undocumented">Not yet documented.</span> Ask us at <a href="mailto:{{ORG_EMAIL}}">{{ORG_EMAIL}}</a> whether any decision about you is made by automated means alone for this purpose.</p>
</section>
{{/AUTOMATED_UNDOCUMENTED}}
{{#NO_AUTOMATED}}<section aria-labelledby="auto-h">
<h2 id="auto-h">Automated decisions</h2>
<p>We make no decisions about you by automated means alone for this purpose.</p>
</section>
{{/NO_AUTOMATED}}
</article>

{{#STAFF_FIELDS}}
<section class="staff" aria-labelledby="staff-h">
<h2 id="staff-h">For staff</h2>
<dl class="facts-list">
<dt>Status</dt><dd>{{STATUS}}</dd>
<dt>Published to</dt><dd>{{VISIBILITY}}</dd>
{{#OWNER}}<dt>Owner</dt><dd>{{TEXT}}</dd>
{{/OWNER}}
{{#REVIEW_BY}}<dt>Review by</dt><dd><time datetime="{{DATETIME}}">{{DATE}}</time>{{#OVERDUE}} <span class="tag tag-warn">Overdue</span>{{/OVERDUE}}</dd>
{{/REVIEW_BY}}
{{#USE_KEY}}<dt>Data use key</dt><dd><code>{{KEY}}</code></dd>
{{/USE_KEY}}
{{#SOURCE_FILE}}<dt>Source</dt><dd><code>{{PATH}}</code></dd>
{{/SOURCE_FILE}}
</dl>
</section>
{{/STAFF_FIELDS}}
{{#DECISION}}<section class="staff" aria-labelledby="decision-h">
<h2 id="decision-h">Latest committee decision</h2>
<p class="provenance">Decided on <time datetime="{{DATETIME}}">{{DECIDED}}</time> — <a href="{{HREF}}">{{ID}}</a></p>
<p><strong>{{TITLE}}</strong> ({{STATUS}}, {{VISIBILITY}}){{#PUBLIC_SUMMARY}}. Public summary: {{TEXT}}{{/PUBLIC_SUMMARY}}</p>
{{#RATIONALE}}<div class="prose rationale">{{HTML:none}}</div>
{{/RATIONALE}}
{{#DEC_NOTE}}<p class="meta"><strong>{{KEY}}:</strong> {{TEXT}}</p>
{{/DEC_NOTE}}
</section>
{{/DECISION}}
{{>NOTES}}
