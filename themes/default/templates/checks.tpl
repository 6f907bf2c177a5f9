{{%AUTOESCAPE context="HTML"}}
{{! checks.tpl - what is still undocumented or due (internal): the warnings of glasshouse check, and the notice }}
{{! items per purpose and system. LAWS NFINDINGS, FINDING(WHERE KIND MSG), HAS_FINDINGS/NO_FINDINGS, COMMITTEE_HREF, }}
{{! MISSING_FN(LABEL), HAS_MISSING_FN/NO_MISSING_FN/NO_COMMITTEE, OVERDUE(TITLE HREF DATE DATETIME OV_OWNER(TEXT)), }}
{{! HAS_OVERDUE/NO_OVERDUE, AS_OF(DATE DATETIME), P_COL/S_COL(SHORT LABEL), P_ROW(TITLE ID HREF), S_ROW(NAME ID HREF): CK_CELL }}
{{! (ITEM, CELL_PRESENT/CELL_MISSING/CELL_NA), NMISSING: only rows with something missing (the worklist); }}
{{! NPURPOSES NPURPOSES_OK NSYSTEMS NSYSTEMS_OK, HAS_P_ROWS(P_OK_NOTE(TEXT))/P_ALL_OK/NO_P_ROWS, the same with S_, }}
{{! ITEM(SHORT LABEL KEY IT_GDPR/IT_LGPD/IT_CCPA(TEXT) IT_PRACTICE), }}
{{! LAW_GDPR LAW_LGPD LAW_CCPA, ORPHAN_PURPOSE(TITLE HREF), ORPHAN_RECIPIENT(NAME HREF), HAS_ORPHANS/NO_ORPHANS. }}
<h1>{{PAGE_TITLE}}</h1>
<p class="lead">What the content does not document yet, what is due for review, and who is missing from the committee, for the {{LAWS}}. These are the warnings <code>glasshouse check</code> prints, in the same words.</p>
<ul class="facts" aria-label="Summary">
<li><span class="fact-n">{{NFINDINGS}}</span> findings</li>
<li><span class="fact-n">{{NPURPOSES_OK}} of {{NPURPOSES}}</span> purposes complete</li>
<li><span class="fact-n">{{NSYSTEMS_OK}} of {{NSYSTEMS}}</span> systems complete</li>
</ul>
<nav class="toc" aria-label="On this page">
<ul>
<li><a href="#findings-h">Findings</a></li>
<li><a href="#committee-h">Committee</a></li>
<li><a href="#reviews-h">Reviews</a></li>
<li><a href="#purposes-h">Purposes</a></li>
<li><a href="#systems-h">Systems</a></li>
<li><a href="#orphans-h">Orphans</a></li>
<li><a href="#items-h">What each item means</a></li>
</ul>
</nav>

<section>
<h2 id="findings-h">Findings</h2>
{{#NO_FINDINGS}}<p>None: everything these checks look at is documented.</p>
{{/NO_FINDINGS}}
{{#HAS_FINDINGS}}<div class="table-wrap" role="region" aria-labelledby="findings-h" tabindex="0">
<table class="data findings">
<thead>
<tr><th scope="col">Where</th><th scope="col">Kind</th><th scope="col">Finding</th></tr>
</thead>
<tbody>
{{#FINDING}}<tr>
<td><code>{{WHERE}}</code></td>
<td>{{KIND}}</td>
<td>{{MSG}}</td>
</tr>
{{/FINDING}}
</tbody>
</table>
</div>
{{/HAS_FINDINGS}}
</section>

<section aria-labelledby="committee-h">
<h2 id="committee-h">Committee</h2>
{{#HAS_MISSING_FN}}<p class="callout callout-warn">No committee member for: <span>{{#MISSING_FN}}<span class="item">{{LABEL}}</span>{{/MISSING_FN}}</span>. See the <a href="{{COMMITTEE_HREF}}">committee page</a>.</p>
{{/HAS_MISSING_FN}}
{{#NO_MISSING_FN}}<p>Every required function has a member (<a href="{{COMMITTEE_HREF}}">committee</a>).</p>
{{/NO_MISSING_FN}}
{{#NO_COMMITTEE}}<p>No committee is recorded (<code>committee/members.yaml</code>).</p>
{{/NO_COMMITTEE}}
</section>

<section>
<h2 id="reviews-h">Reviews</h2>
{{#NO_OVERDUE}}<p>No purpose is overdue for review{{#AS_OF}} on <time datetime="{{DATETIME}}">{{DATE}}</time>{{/AS_OF}}.</p>
{{/NO_OVERDUE}}
{{#HAS_OVERDUE}}<div class="table-wrap" role="region" aria-labelledby="reviews-h" tabindex="0">
<table>
<thead>
<tr><th scope="col">Purpose</th><th scope="col">Review was due</th><th scope="col">Owner</th></tr>
</thead>
<tbody>
{{#OVERDUE}}<tr>
<th scope="row"><a href="{{HREF}}">{{TITLE}}</a></th>
<td><time datetime="{{DATETIME}}">{{DATE}}</time> <span class="tag tag-warn">Overdue</span></td>
<td>{{#OV_OWNER}}{{TEXT}}{{/OV_OWNER}}</td>
</tr>
{{/OVERDUE}}
</tbody>
</table>
</div>
{{/HAS_OVERDUE}}
</section>

<section>
<h2 id="purposes-h">Purposes</h2>
{{#NO_P_ROWS}}<p>No purposes.</p>
{{/NO_P_ROWS}}
{{#P_ALL_OK}}<p>All {{NPURPOSES}} purposes document every item that applies to them.</p>
{{/P_ALL_OK}}
{{#HAS_P_ROWS}}<p>The purposes whose privacy notice still lacks an item, and what it tells people. <span class="cs cs-missing">Missing</span> needs content; a dash means the item does not apply (legal basis, the laws, or no data).{{#P_OK_NOTE}} {{TEXT}}{{/P_OK_NOTE}}</p>
<div class="table-wrap" role="region" aria-labelledby="purposes-h" tabindex="0">
<table class="checks-matrix">
<thead>
<tr><th scope="col">Purpose</th>{{#P_COL}}<th scope="col" title="{{LABEL}}">{{SHORT}}</th>{{/P_COL}}<th scope="col">Missing</th></tr>
</thead>
<tbody>
{{#P_ROW}}<tr>
<th scope="row"><a href="{{HREF}}">{{TITLE}}</a></th>{{#CK_CELL}}{{#CELL_PRESENT}}<td class="cs-present"><span aria-hidden="true">✓</span><span class="vh">Present</span></td>{{/CELL_PRESENT}}{{#CELL_MISSING}}<td class="cs-missing">Missing</td>{{/CELL_MISSING}}{{#CELL_NA}}<td class="cs-na"><span aria-hidden="true">–</span><span class="vh">Does not apply</span></td>{{/CELL_NA}}{{/CK_CELL}}<td class="num">{{NMISSING}}</td>
</tr>
{{/P_ROW}}
</tbody>
</table>
</div>
{{/HAS_P_ROWS}}
</section>

<section>
<h2 id="systems-h">Systems</h2>
{{#NO_S_ROWS}}<p>No systems.</p>
{{/NO_S_ROWS}}
{{#S_ALL_OK}}<p>All {{NSYSTEMS}} systems document every item that depends on the data they hold.</p>
{{/S_ALL_OK}}
{{#HAS_S_ROWS}}<p>The systems that still lack an item that depends on the data they hold.{{#S_OK_NOTE}} {{TEXT}}{{/S_OK_NOTE}}</p>
<div class="table-wrap" role="region" aria-labelledby="systems-h" tabindex="0">
<table class="checks-matrix">
<thead>
<tr><th scope="col">System</th>{{#S_COL}}<th scope="col" title="{{LABEL}}">{{SHORT}}</th>{{/S_COL}}<th scope="col">Missing</th></tr>
</thead>
<tbody>
{{#S_ROW}}<tr>
<th scope="row"><a href="{{HREF}}">{{NAME}}</a></th>{{#CK_CELL}}{{#CELL_PRESENT}}<td class="cs-present"><span aria-hidden="true">✓</span><span class="vh">Present</span></td>{{/CELL_PRESENT}}{{#CELL_MISSING}}<td class="cs-missing">Missing</td>{{/CELL_MISSING}}{{#CELL_NA}}<td class="cs-na"><span aria-hidden="true">–</span><span class="vh">Does not apply</span></td>{{/CELL_NA}}{{/CK_CELL}}<td class="num">{{NMISSING}}</td>
</tr>
{{/S_ROW}}
</tbody>
</table>
</div>
{{/HAS_S_ROWS}}
</section>

<section aria-labelledby="orphans-h">
<h2 id="orphans-h">Orphans</h2>
{{#NO_ORPHANS}}<p>None: every purpose is used by some data, and every recipient receives some.</p>
{{/NO_ORPHANS}}
{{#HAS_ORPHANS}}<ul>
{{#ORPHAN_PURPOSE}}<li>Purpose <a href="{{HREF}}">{{TITLE}}</a>: no data entry uses it.</li>
{{/ORPHAN_PURPOSE}}
{{#ORPHAN_RECIPIENT}}<li>Recipient <a href="{{HREF}}">{{NAME}}</a>: receives no data.</li>
{{/ORPHAN_RECIPIENT}}
</ul>
{{/HAS_ORPHANS}}
</section>

<section>
<h2 id="items-h">What each item means</h2>
<div class="table-wrap" role="region" aria-labelledby="items-h" tabindex="0">
<table>
<thead>
<tr><th scope="col">Item</th><th scope="col">What the notice says</th>{{#LAW_GDPR}}<th scope="col">GDPR / UK GDPR</th>{{/LAW_GDPR}}{{#LAW_LGPD}}<th scope="col">LGPD</th>{{/LAW_LGPD}}{{#LAW_CCPA}}<th scope="col">CCPA</th>{{/LAW_CCPA}}</tr>
</thead>
<tbody>
{{#ITEM}}<tr id="item-{{KEY}}">
<th scope="row">{{SHORT}}</th>
<td>{{LABEL}}{{#IT_PRACTICE}} <span class="sub">(good practice, not a legal requirement)</span>{{/IT_PRACTICE}}</td>
{{#IT_GDPR}}<td>{{TEXT}}</td>{{/IT_GDPR}}{{#IT_LGPD}}<td>{{TEXT}}</td>{{/IT_LGPD}}{{#IT_CCPA}}<td>{{TEXT}}</td>{{/IT_CCPA}}
</tr>
{{/ITEM}}
</tbody>
</table>
</div>
</section>
