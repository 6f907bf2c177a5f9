{{%AUTOESCAPE context="HTML"}}
{{! category.tpl - one kind of data: what it is, why, how long, from where, who receives it. }}
{{! NAME KEY, DESCRIPTION(TEXT), SPECIAL(TEXT), ART9, ART10, PARENT(NAME), SUM_PURPOSE(TITLE HREF), SUM_NO_PURPOSES, }}
{{! SUM_RETENTION(TEXT), SUM_SOURCE(TEXT), SUM_RECIPIENT(NAME COUNTRY HREF), SUM_NO_RECIPIENTS, ENTRY rows. }}
<nav class="breadcrumb" aria-label="Breadcrumb">
<ol>
<li><a href="{{INDEX_HREF}}">Overview</a></li>
{{#PARENT}}<li>{{#PARENT_LINK}}<a href="{{HREF}}">{{NAME}}</a>{{/PARENT_LINK}}{{#PARENT_TEXT}}{{NAME}}{{/PARENT_TEXT}}</li>
{{/PARENT}}
<li><span aria-current="page">{{NAME}}</span></li>
</ol>
</nav>
<h1>{{NAME}}</h1>
{{#DESCRIPTION}}<p class="lead">{{TEXT}}</p>
{{/DESCRIPTION}}
{{#SPECIAL}}<div class="callout callout-special">
<p><strong>{{TEXT}}.</strong>
{{#ART9}}The law gives this kind of data extra protection because it is sensitive. We only use it under one of the specific conditions the law allows, shown on each purpose below.{{/ART9}}
{{#ART10}}The law gives data about criminal convictions and offences extra protection. We only use it where the law allows it.{{/ART10}}
</p>
</div>
{{/SPECIAL}}
{{#STAFF}}<p class="staff-meta">Taxonomy key <code>{{KEY}}</code></p>
{{/STAFF}}

<div class="summary-grid">
<section aria-labelledby="why-h">
<h2 id="why-h">Why we use it</h2>
{{#SUM_NO_PURPOSES}}<p>We do not use it for any purpose listed here.</p>
{{/SUM_NO_PURPOSES}}
{{#SUM_HAS_PURPOSES}}<ul>
{{#SUM_PURPOSE}}<li><a href="{{HREF}}">{{TITLE}}</a></li>
{{/SUM_PURPOSE}}
</ul>
{{/SUM_HAS_PURPOSES}}
</section>
<section aria-labelledby="long-h">
<h2 id="long-h">How long we keep it</h2>
<ul>
{{#SUM_RETENTION}}<li>{{TEXT}}</li>
{{/SUM_RETENTION}}
</ul>
</section>
<section aria-labelledby="from-h">
<h2 id="from-h">Where it comes from</h2>
<ul>
{{#SUM_SOURCE}}<li>{{TEXT}}</li>
{{/SUM_SOURCE}}
</ul>
</section>
<section aria-labelledby="who-h">
<h2 id="who-h">Who receives it</h2>
{{#SUM_NO_RECIPIENTS}}<p>We do not share it with other organisations.</p>
{{/SUM_NO_RECIPIENTS}}
{{#SUM_HAS_RECIPIENTS}}<ul>
{{#SUM_RECIPIENT}}<li><a href="{{HREF}}">{{NAME}}</a> ({{COUNTRY}})</li>
{{/SUM_RECIPIENT}}
</ul>
{{/SUM_HAS_RECIPIENTS}}
</section>
</div>

<section>
<h2 id="detail-h">In detail</h2>
<p>Each row is one place where we keep this data.</p>
<div class="table-wrap" role="region" aria-labelledby="detail-h" tabindex="0">
<table class="data stack">
<thead>
<tr><th scope="col">Kept in</th><th scope="col">About</th><th scope="col">Used for</th><th scope="col">How long</th><th scope="col">From</th><th scope="col">Shared with</th><th scope="col">Do you have to give it?</th></tr>
</thead>
<tbody>
{{#ENTRY}}<tr>
<th scope="row" data-label="Kept in">{{#E_SYSTEM}}{{#SYS_LINK}}<a href="{{HREF}}">{{NAME}}</a>{{/SYS_LINK}}{{#SYS_NOLINK}}{{NAME}}{{/SYS_NOLINK}}{{/E_SYSTEM}}</th>
<td data-label="About">{{#E_SUBJECT}}<span class="item">{{NAME}}</span>{{/E_SUBJECT}}</td>
<td data-label="Used for">{{#E_PURPOSE}}<span class="item"><a href="{{HREF}}">{{TITLE}}</a></span>{{/E_PURPOSE}}</td>
<td data-label="How long">{{RETENTION}}</td>
<td data-label="From">{{SOURCE}}</td>
<td data-label="Shared with">{{#E_RECIPIENT}}<span class="item"><a href="{{HREF}}">{{NAME}}</a></span>{{/E_RECIPIENT}}{{#E_NOT_SHARED}}<span class="none">No one</span>{{/E_NOT_SHARED}}</td>
<td data-label="Do you have to give it?">{{REQUIRED}}{{#E_REQUIRED_UNDOCUMENTED}}<span class="undocumented">Not yet documented</span>{{/E_REQUIRED_UNDOCUMENTED}}{{#E_NOT_LINKED}}<span class="item note">Not linked to your identity</span>{{/E_NOT_LINKED}}{{#E_TRACKING}}<span class="item note">Used to track you across other companies' sites</span>{{/E_TRACKING}}{{#E_SOLD}}<span class="item note">Sold</span>{{/E_SOLD}}{{#E_SOLD_UNDOCUMENTED}}<span class="item note">Sold or shared: <span class="undocumented">not yet documented</span></span>{{/E_SOLD_UNDOCUMENTED}}</td>
</tr>
{{/ENTRY}}
</tbody>
</table>
</div>
</section>
<p class="next">See <a href="{{RIGHTS_HREF}}">your rights</a> and <a href="{{RECIPIENTS_HREF}}">everyone who receives data from us</a>.</p>
