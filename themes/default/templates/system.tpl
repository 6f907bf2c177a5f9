{{%AUTOESCAPE context="HTML"}}
{{! system.tpl - staff only: one system. NAME ID CUSTODIAN VISIBILITY, DESCRIPTION(TEXT), ACCESS(TEAM), NO_ACCESS, }}
{{! SECURITY(MEASURE), NO_SECURITY, VENDOR(NAME COUNTRY HREF), NO_VENDOR, LOCATION(COUNTRY CODE LOC_OUTSIDE), }}
{{! NO_LOCATIONS, ENTRY rows (E_CATEGORY E_PURPOSE E_SUBJECT RETENTION SOURCE REQUIRED E_RECIPIENT), SOURCE_FILE(PATH), }}
{{! DECISION, NOTES. }}
<nav class="breadcrumb" aria-label="Breadcrumb">
<ol>
<li><a href="{{SYSTEMS_HREF}}">Systems</a></li>
<li><span aria-current="page">{{NAME}}</span></li>
</ol>
</nav>
<h1>{{NAME}}</h1>
{{#DESCRIPTION}}<p class="lead">{{TEXT}}</p>
{{/DESCRIPTION}}
<dl class="facts-list">
<dt>Custodian</dt><dd>{{CUSTODIAN}}</dd>
<dt>Who can open records</dt><dd>{{#ACCESS}}<span class="item">{{TEAM}}</span>{{/ACCESS}}{{#NO_ACCESS}}Not recorded{{/NO_ACCESS}}</dd>
<dt>Security measures</dt><dd>{{#SECURITY}}<span class="item">{{MEASURE}}</span>{{/SECURITY}}{{#NO_SECURITY}}<span class="tag tag-warn">None recorded</span>{{/NO_SECURITY}}</dd>
<dt>Run by</dt><dd>{{#VENDOR}}<a href="{{HREF}}">{{NAME}}</a> ({{COUNTRY}}){{/VENDOR}}{{#NO_VENDOR}}Ourselves{{/NO_VENDOR}}</dd>
<dt>Data stored in</dt><dd>{{#LOCATION}}<span class="item">{{COUNTRY}}{{#LOC_OUTSIDE}} <span class="tag">Outside UK/EEA</span>{{/LOC_OUTSIDE}}</span>{{/LOCATION}}{{#NO_LOCATIONS}}Not recorded{{/NO_LOCATIONS}}</dd>
<dt>Published to</dt><dd>{{VISIBILITY}}</dd>
{{#SOURCE_FILE}}<dt>Source</dt><dd><code>{{PATH}}</code></dd>
{{/SOURCE_FILE}}
</dl>

<section>
<h2 id="data-h">Data held</h2>
<div class="table-wrap" role="region" aria-labelledby="data-h" tabindex="0">
<table class="data stack">
<thead>
<tr><th scope="col">Data</th><th scope="col">About</th><th scope="col">Used for</th><th scope="col">Retention</th><th scope="col">Source</th><th scope="col">Shared with</th><th scope="col">Required</th></tr>
</thead>
<tbody>
{{#ENTRY}}<tr>
<th scope="row" data-label="Data">{{#E_CATEGORY}}<a href="{{HREF}}">{{NAME}}</a>{{#CAT_SPECIAL}} <span class="tag tag-special">Sensitive</span>{{/CAT_SPECIAL}} <code class="key">{{KEY}}</code>{{/E_CATEGORY}}</th>
<td data-label="About">{{#E_SUBJECT}}<span class="item">{{NAME}}</span>{{/E_SUBJECT}}</td>
<td data-label="Used for">{{#E_PURPOSE}}<span class="item"><a href="{{HREF}}">{{TITLE}}</a></span>{{/E_PURPOSE}}</td>
<td data-label="Retention">{{RETENTION}}</td>
<td data-label="Source">{{SOURCE}}</td>
<td data-label="Shared with">{{#E_RECIPIENT}}<span class="item"><a href="{{HREF}}">{{NAME}}</a></span>{{/E_RECIPIENT}}{{#E_NOT_SHARED}}<span class="none">No one</span>{{/E_NOT_SHARED}}</td>
<td data-label="Required">{{REQUIRED}}{{#E_REQUIRED_UNDOCUMENTED}}<span class="undocumented">Not yet documented</span>{{/E_REQUIRED_UNDOCUMENTED}}{{#E_NOT_LINKED}}<span class="item note">Not linked</span>{{/E_NOT_LINKED}}{{#E_TRACKING}}<span class="item note">Tracking</span>{{/E_TRACKING}}{{#E_SOLD}}<span class="item note">Sold</span>{{/E_SOLD}}{{#E_SOLD_UNDOCUMENTED}}<span class="item note">Sold or shared: <span class="undocumented">not yet documented</span></span>{{/E_SOLD_UNDOCUMENTED}}</td>
</tr>
{{/ENTRY}}
</tbody>
</table>
</div>
</section>
{{#DECISION}}<section aria-labelledby="decision-h">
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
