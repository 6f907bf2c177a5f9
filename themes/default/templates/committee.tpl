{{%AUTOESCAPE context="HTML"}}
{{! committee.tpl - the data policy committee (internal). NO_COMMITTEE, MISSING(NMISSING, MISSING_FN(LABEL)), }}
{{! FUNCTION(LABEL KEY, FN_MEMBER(NAME), FN_NONE), HAS_MEMBERS/NO_MEMBERS, NMEMBERS, MEMBER(NAME FUNCTION, SINCE(DATE }}
{{! DATETIME), M_EXTRA), RECENT(TITLE STATUS STATUS_LABEL DECIDED DATETIME HREF), NDECISIONS NADOPTED NREJECTED }}
{{! NPROPOSED, LOG_HREF, CHECKS_HREF, SOURCE_FILE(PATH). }}
<h1>{{PAGE_TITLE}}</h1>
<p class="lead">The committee decides how {{ORG_NAME}} uses personal data. Each decision is recorded in the <a href="{{LOG_HREF}}">decision log</a>; the site is rebuilt after every meeting.</p>
{{#MISSING}}<div class="callout callout-warn" role="note">
<p><strong>The committee has no member for {{#MISSING_FN}}<span class="item">{{LABEL}}</span>{{/MISSING_FN}}.</strong> Every required function should have a voice in its decisions; <code>glasshouse check</code> warns until this is filled (see <a href="{{CHECKS_HREF}}">Checks</a>).</p>
</div>
{{/MISSING}}
{{#NO_COMMITTEE}}<p class="callout callout-warn">No committee is recorded: add <code>committee/members.yaml</code> to the content.</p>
{{/NO_COMMITTEE}}

<section>
<h2 id="fn-h">Required functions</h2>
<div class="table-wrap" role="region" aria-labelledby="fn-h" tabindex="0">
<table>
<thead>
<tr><th scope="col">Function</th><th scope="col">Members</th></tr>
</thead>
<tbody>
{{#FUNCTION}}<tr>
<th scope="row">{{LABEL}}</th>
<td>{{#FN_MEMBER}}<span class="item">{{NAME}}</span>{{/FN_MEMBER}}{{#FN_NONE}}<span class="tag tag-warn">No member</span>{{/FN_NONE}}</td>
</tr>
{{/FUNCTION}}
</tbody>
</table>
</div>
</section>

<section>
<h2 id="members-h">Members ({{NMEMBERS}})</h2>
{{#NO_MEMBERS}}<p>No members are recorded.</p>
{{/NO_MEMBERS}}
{{#HAS_MEMBERS}}<div class="table-wrap" role="region" aria-labelledby="members-h" tabindex="0">
<table>
<thead>
<tr><th scope="col">Name</th><th scope="col">Function</th><th scope="col">Member since</th></tr>
</thead>
<tbody>
{{#MEMBER}}<tr>
<th scope="row">{{NAME}}</th>
<td>{{FUNCTION}}{{#M_EXTRA}} <span class="sub">(not a required function)</span>{{/M_EXTRA}}</td>
<td>{{#SINCE}}<time datetime="{{DATETIME}}">{{DATE}}</time>{{/SINCE}}</td>
</tr>
{{/MEMBER}}
</tbody>
</table>
</div>
{{/HAS_MEMBERS}}
</section>

<section aria-labelledby="dec-h">
<h2 id="dec-h">Decisions</h2>
<p>{{NDECISIONS}} decisions recorded: {{NADOPTED}} adopted, {{NREJECTED}} rejected, {{NPROPOSED}} proposed. <a href="{{LOG_HREF}}">Read the decision log</a>.</p>
<ul class="plain">
{{#RECENT}}<li><time datetime="{{DATETIME}}">{{DECIDED}}</time> — <a href="{{HREF}}">{{TITLE}}</a> <span class="tag status-{{STATUS}}">{{STATUS_LABEL}}</span></li>
{{/RECENT}}
</ul>
</section>
{{#SOURCE_FILE}}<p class="staff-meta">Source <code>{{PATH}}</code></p>
{{/SOURCE_FILE}}
