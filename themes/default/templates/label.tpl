{{%AUTOESCAPE context="HTML"}}
{{! label.tpl - the privacy label: what we use, app-store style, and a grid of data x purposes. For each box X in TRACK, }}
{{! LINKED, UNLINKED, SOLD: X_SOME/X_NONE, X_GROUP(NAME, X_CAT(NAME HREF, X_FOR(TITLE HREF))). NC_GROUP(NAME), }}
{{! X_MORE(N HREF) after at most 10 X_FOR. NC_SOME/NC_NONE. Grid (up to 24 purposes): GRID_INTRO, NCOLS, COL(TITLE HREF), }}
{{! GRID_GROUP(NAME, GRID_ROW(NAME HREF, CELL(CELL_EMPTY, CELL_USED(BASIS PURPOSE, CELL_RET(TEXT))))), HAS_GRID/NO_GRID. }}
{{! Beyond that a summary: SUM_INTRO NPURPOSES, HAS_SUMMARY/NO_GRID, SUM_GROUP(NAME, SUM_ROW(NAME HREF NPURPOSES, }}
{{! SUM_BASIS(TEXT), SUM_RET(TEXT), SUM_RET_MORE(N HREF))). INDEX_HREF RECIPIENTS_HREF. }}
<h1>{{PAGE_TITLE}}</h1>
<p class="lead">Our use of your data on one page, in the style of app-store privacy labels. Every item links to the full detail.</p>

<div class="label-boxes">
<section class="label-box" aria-labelledby="track-h">
<h2 id="track-h">Data used to track you</h2>
<p class="meta">Used to follow what you do across other companies' apps and websites.</p>
{{#TRACK_NONE}}<p><strong>None.</strong> We do not use your data to track you across other companies' apps and websites.</p>
{{/TRACK_NONE}}
{{#TRACK_GROUP}}<h3>{{NAME}}</h3>
<ul class="plain">
{{#TRACK_CAT}}<li><a href="{{HREF}}">{{NAME}}</a> <span class="sub">For {{#TRACK_FOR}}<span class="item"><a href="{{HREF}}">{{TITLE}}</a></span>{{/TRACK_FOR}}{{#TRACK_MORE}}<span class="item more"><a href="{{HREF}}">and {{N}} more</a></span>{{/TRACK_MORE}}</span></li>
{{/TRACK_CAT}}
</ul>
{{/TRACK_GROUP}}
</section>

<section class="label-box" aria-labelledby="linked-h">
<h2 id="linked-h">Data linked to you</h2>
<p class="meta">Connected to your identity, such as your account or your name.</p>
{{#LINKED_NONE}}<p><strong>None.</strong></p>
{{/LINKED_NONE}}
{{#LINKED_GROUP}}<h3>{{NAME}}</h3>
<ul class="plain">
{{#LINKED_CAT}}<li><a href="{{HREF}}">{{NAME}}</a> <span class="sub">For {{#LINKED_FOR}}<span class="item"><a href="{{HREF}}">{{TITLE}}</a></span>{{/LINKED_FOR}}{{#LINKED_MORE}}<span class="item more"><a href="{{HREF}}">and {{N}} more</a></span>{{/LINKED_MORE}}</span></li>
{{/LINKED_CAT}}
</ul>
{{/LINKED_GROUP}}
</section>

<section class="label-box" aria-labelledby="unlinked-h">
<h2 id="unlinked-h">Data not linked to you</h2>
<p class="meta">Collected, but never connected to who you are.</p>
{{#UNLINKED_NONE}}<p><strong>None.</strong></p>
{{/UNLINKED_NONE}}
{{#UNLINKED_GROUP}}<h3>{{NAME}}</h3>
<ul class="plain">
{{#UNLINKED_CAT}}<li><a href="{{HREF}}">{{NAME}}</a> <span class="sub">For {{#UNLINKED_FOR}}<span class="item"><a href="{{HREF}}">{{TITLE}}</a></span>{{/UNLINKED_FOR}}{{#UNLINKED_MORE}}<span class="item more"><a href="{{HREF}}">and {{N}} more</a></span>{{/UNLINKED_MORE}}</span></li>
{{/UNLINKED_CAT}}
</ul>
{{/UNLINKED_GROUP}}
</section>

<section class="label-box" aria-labelledby="nc-h">
<h2 id="nc-h">Data not collected</h2>
<p class="meta">None of the uses on this site involve these kinds of information.</p>
{{#NC_NONE}}<p>Every kind of information in our list is used for something above.</p>
{{/NC_NONE}}
{{#NC_SOME}}<ul class="plain">
{{#NC_GROUP}}<li>{{NAME}}</li>
{{/NC_GROUP}}
</ul>
{{/NC_SOME}}
</section>
</div>

{{#SOLD_SOME}}<section class="callout" aria-labelledby="sold-h">
<h2 id="sold-h">Data we sell</h2>
{{#SOLD_GROUP}}<h3>{{NAME}}</h3>
<ul class="plain">
{{#SOLD_CAT}}<li><a href="{{HREF}}">{{NAME}}</a> <span class="sub">For {{#SOLD_FOR}}<span class="item"><a href="{{HREF}}">{{TITLE}}</a></span>{{/SOLD_FOR}}{{#SOLD_MORE}}<span class="item more"><a href="{{HREF}}">and {{N}} more</a></span>{{/SOLD_MORE}}</span></li>
{{/SOLD_CAT}}
</ul>
{{/SOLD_GROUP}}
</section>
{{/SOLD_SOME}}

<section>
<h2 id="grid-h">Which data we use for what</h2>
{{#GRID_INTRO}}<p>Each row is a kind of data and each column a purpose. A cell gives the legal basis we rely on and how long we keep the data for that purpose; a dash means we do not use that data for it. See also <a href="{{RECIPIENTS_HREF}}">who receives data</a>.</p>
{{/GRID_INTRO}}
{{#SUM_INTRO}}<p>Each row is a kind of data: the legal bases we rely on to use it, for how many of our {{NPURPOSES}} purposes, and how long we keep it. Each kind of data links to the full list of its purposes. See also <a href="{{RECIPIENTS_HREF}}">who receives data</a>.</p>
{{/SUM_INTRO}}
{{#NO_GRID}}<p>We do not use any of the personal data we list.</p>
{{/NO_GRID}}
{{#HAS_GRID}}<div class="table-wrap label-grid-wrap" role="region" aria-labelledby="grid-h" tabindex="0">
<table class="label-grid">
<caption class="vh">Kinds of data by purpose, with the legal basis and how long we keep the data</caption>
<thead>
<tr><th scope="col">Data</th>{{#COL}}<th scope="col"><a href="{{HREF}}">{{TITLE}}</a></th>{{/COL}}</tr>
</thead>
{{#GRID_GROUP}}<tbody>
<tr class="grid-group"><th scope="rowgroup" colspan="{{NCOLS}}">{{NAME}}</th></tr>
{{#GRID_ROW}}<tr>
<th scope="row"><a href="{{HREF}}">{{NAME}}</a></th>{{#CELL}}{{#CELL_USED}}<td><span class="basis">{{BASIS}}</span>{{#CELL_RET}}<span class="ret">{{TEXT}}</span>{{/CELL_RET}}</td>{{/CELL_USED}}{{#CELL_EMPTY}}<td class="empty"><span aria-hidden="true">–</span><span class="vh">Not used</span></td>{{/CELL_EMPTY}}{{/CELL}}
</tr>
{{/GRID_ROW}}
</tbody>
{{/GRID_GROUP}}
</table>
</div>
{{/HAS_GRID}}
{{#HAS_SUMMARY}}<div class="table-wrap" role="region" aria-labelledby="grid-h" tabindex="0">
<table class="label-summary">
<caption class="vh">Kinds of data with the legal bases we rely on, the number of purposes and how long we keep the data</caption>
<thead>
<tr><th scope="col">Data</th><th scope="col">Legal basis</th><th scope="col">Purposes</th><th scope="col">How long we keep it</th></tr>
</thead>
{{#SUM_GROUP}}<tbody>
<tr class="grid-group"><th scope="rowgroup" colspan="4">{{NAME}}</th></tr>
{{#SUM_ROW}}<tr>
<th scope="row"><a href="{{HREF}}">{{NAME}}</a></th><td>{{#SUM_BASIS}}<span class="basis">{{TEXT}}</span>{{/SUM_BASIS}}</td><td class="num"><a href="{{HREF}}">{{NPURPOSES}}</a></td><td>{{#SUM_RET}}<span class="ret">{{TEXT}}</span>{{/SUM_RET}}{{#SUM_RET_MORE}}<span class="ret more"><a href="{{HREF}}">and {{N}} other periods</a></span>{{/SUM_RET_MORE}}</td>
</tr>
{{/SUM_ROW}}
</tbody>
{{/SUM_GROUP}}
</table>
</div>
{{/HAS_SUMMARY}}
</section>
