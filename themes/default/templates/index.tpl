{{%AUTOESCAPE context="HTML"}}
{{! index.tpl - what we collect and why, at a glance. }}
{{! GROUP: NAME ID, GROUP_DESC(TEXT), CATEGORY: NAME KEY HREF, CAT_DESC(TEXT), CAT_SPECIAL, }}
{{! CAT_PURPOSE(TITLE HREF, CAT_KEPT(TEXT): how long for that purpose): the first 5, CAT_MORE_PURPOSES(N HREF): the rest, CAT_NO_PURPOSES, CAT_SOURCE(TEXT). }}
{{! CARD: TITLE SUMMARY HREF BASIS, CARD_STATUS(TEXT), CARD_SPECIAL. CONTACT: ADDRESS EMAIL, CONTACT_PHONE, CONTACT_DPO, DPO_UNDOCUMENTED. }}
<div class="intro">
<h1>{{PAGE_TITLE}}</h1>
<p class="lead">This is how {{ORG_NAME}} uses personal data: what we collect, why, how long we keep it, where it comes from and who we share it with. Follow any link for the full detail.</p>
<ul class="facts" aria-label="At a glance">
<li><span class="fact-n">{{NCATEGORIES}}</span> kinds of data</li>
<li><span class="fact-n">{{NPURPOSES}}</span> purposes</li>
<li><span class="fact-n">{{NRECIPIENTS}}</span> organisations receive data</li>
{{#STAFF}}<li><span class="fact-n">{{NSYSTEMS}}</span> systems</li>
{{/STAFF}}
</ul>
<nav class="toc" aria-label="On this page">
<ul>
<li><a href="#data">What we collect</a></li>
<li><a href="#purposes">Why we use it</a></li>
<li><a href="{{RECIPIENTS_HREF}}">Who receives it</a></li>
<li><a href="{{RIGHTS_HREF}}">Your rights</a></li>
<li><a href="#contact">Contact us</a></li>
{{#STAFF}}<li><a href="{{SYSTEMS_HREF}}">Systems</a></li>
<li><a href="{{ROPA_HREF}}">Record of processing</a></li>
{{/STAFF}}
</ul>
</nav>
</div>

<section id="data" aria-labelledby="data-h">
<h2 id="data-h">What we collect</h2>
{{#NO_DATA}}<p>We do not hold personal data about you.</p>
{{/NO_DATA}}
{{#GROUP}}
<section class="group" aria-labelledby="g-{{ID}}">
<h3 id="g-{{ID}}">{{NAME}}</h3>
{{#GROUP_DESC}}<p class="group-desc">{{TEXT}}</p>
{{/GROUP_DESC}}
<div class="table-wrap">
<table class="glance">
<thead>
<tr><th scope="col">What</th><th scope="col">Why we use it, and how long we keep it</th><th scope="col">Where it comes from</th></tr>
</thead>
<tbody>
{{#CATEGORY}}<tr>
<th scope="row" data-label="What"><a href="{{HREF}}">{{NAME}}</a>{{#CAT_SPECIAL}} <span class="tag tag-special">Sensitive</span>{{/CAT_SPECIAL}}</th>
<td data-label="Why we use it, and how long we keep it">{{#CAT_NO_PURPOSES}}<span class="none">Not used for any listed purpose</span>{{/CAT_NO_PURPOSES}}{{#CAT_HAS_PURPOSES}}<ul class="plain">
{{#CAT_PURPOSE}}<li><a href="{{HREF}}">{{TITLE}}</a>{{#CAT_KEPT}}<span class="kept">Kept {{TEXT}}</span>{{/CAT_KEPT}}</li>
{{/CAT_PURPOSE}}
{{#CAT_MORE_PURPOSES}}<li><a href="{{HREF}}">and {{N}} more purposes</a></li>
{{/CAT_MORE_PURPOSES}}
</ul>{{/CAT_HAS_PURPOSES}}</td>
<td data-label="Where it comes from"><ul class="plain">
{{#CAT_SOURCE}}<li>{{TEXT}}</li>
{{/CAT_SOURCE}}
</ul></td>
</tr>
{{/CATEGORY}}
</tbody>
</table>
</div>
</section>
{{/GROUP}}
</section>

<section id="purposes" aria-labelledby="purposes-h">
<h2 id="purposes-h">Why we use it</h2>
{{#NO_CARDS}}<p>We do not use personal data for any purpose.</p>
{{/NO_CARDS}}
{{#HAS_CARDS}}<ul class="cards">
{{#CARD}}<li class="card">
<h3><a href="{{HREF}}">{{TITLE}}</a></h3>
<p>{{SUMMARY}}</p>
<p class="meta">Legal basis: {{BASIS}}{{#CARD_SPECIAL}} · <span class="tag tag-special">Uses sensitive data</span>{{/CARD_SPECIAL}}{{#CARD_STATUS}} · <span class="tag">{{TEXT}}</span>{{/CARD_STATUS}}</p>
</li>
{{/CARD}}
</ul>
{{/HAS_CARDS}}
</section>

{{#CONTACT}}
<section id="contact" class="contact" aria-labelledby="contact-h">
<h2 id="contact-h">Contact us</h2>
<p>Questions about your data, or want to use <a href="{{RIGHTS_HREF}}">your rights</a>? Write to <a href="mailto:{{EMAIL}}">{{EMAIL}}</a>{{#CONTACT_PHONE}} or call {{TEXT}}{{/CONTACT_PHONE}}.</p>
<p>{{ORG_NAME}}, {{ADDRESS}}</p>
{{#CONTACT_DPO}}<p>Our data protection officer: {{NAME}}{{#DPO_EMAIL}}, <a href="mailto:{{EMAIL}}">{{EMAIL}}</a>{{/DPO_EMAIL}}</p>
{{/CONTACT_DPO}}
{{#DPO_UNDOCUMENTED}}<p>Our data protection officer: <span class="undocumented">not yet documented</span></p>
{{/DPO_UNDOCUMENTED}}
</section>
{{/CONTACT}}
{{>NOTES}}
