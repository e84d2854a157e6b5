// More given names by region (Nordic, Baltic, Slavic, Balkan, Greek, Turkish, Persian, Arabic,
// Hebrew, South/Southeast/East Asian, African, Pacific, Latin American, Celtic), written from
// general knowledge. Lower case, NFC.
#include "text/given_name_table.h"

namespace metagate::classify::text {

const std::string_view kGivenNameWorldText = R"(
aafke aare aase aashish aatu abdallah abdelaziz abdelhak abdelkader abdellah abdelmalek abderrahim
abdou abdulaziz abdulkadir abdulla abdullahi abdur abel abena-mansa abhay abhijit abimbola abiola
abir abiy abraham abril achim adalberto adalyn adamu adarsh adebola adelheid adesuwa adina adinda
adnan adolf adriano adrienne adrián adéla afa afaf afolabi afsaneh afua agnar agnete agnė agostino
agron agung ah-kow aharon ahe ahlam aida aigars aihua aija aiko ailbhe aileen ailsa ainsley
aisling aistė aitana aivar aivars ajit ajla akane akanesi akemi akhil akihiro akinola akram aksel
akshara aku akwasi akın alaa alaina alana alapati alayna alba alban albana albane albrecht alceste
aleksander aleksandrs aleksey alen alena alessandra alexandros aleš alf alfhild alfio alfonso
algirdas algot ali-reza alicja alin alireza alivia alka alkis allie alma almantas alois alok aloys
alper alphonse alun alvar alyssa alžběta amadou amal amalie amandeep amandine amar amari amaru
amaya ambika ambra ambroise amedeo amel amerigo ami amihan aminul amita amitabh amjad amol amparo
amr amra amália ana-clara anagha analyn ananda anastasios anat anatole anca anderson andile andre
andrej andrius andrus anele aneta anete anette angeliki angelito anggun anh-thu anis anjana ankur
annalisa annalise annegret anneke anneliese annemarie annunziata anong anselm anselmo anshul
antanas antero anto anton-jan antoni antonis antonín antônio anupam anupama anura anuradha anurag
anushka anwar anđela aoibhe aoibheann aoibhinn aparna aperahama apichart apinya apostolos apurva
ardeshir ardit aref ari arielle arild aristotelis arja arjan arkadiusz armando armelle armin
arnfinn arnis arpita arseny arthit arto arturo artūrs arumugam aruna arvid arvind arvo arwa arya
aryo arzu aránzazu arūnas asbjørn asger ashanti ashutosh ashwin asier asim aslak asmir assad
assunta atanas athanasios atle atsushi atul aubree aud audrina audrius audun augustin augusto
augustus aung aurel aurelija aurelio aurèle aušra ava-grace avigail avinash avishai avital avner
awhina aya ayako ayane ayat ayden ayelen ayelet ayla ayo ayoub aysel aytaç ayush azhar aziz azlan
azra baba bachir bader badr bahar bahram baiba bakari baldassare baldur baljit banafsheh bankole
banu bao-anh bao-yu baohua bartolomeo bartłomiej bashar basma bassam bastian bat-erdene batbayar
batool batya bayani bayu başak bea belma benedetta benedikte benedita bengt benito bennett benny
benvenuto bereket berit berkay berna bert berthold besa bettina betül bharat bhavesh bhavya biagio
bich bingbing binh binod birger birna birol bisera bishnu bisola bjarne bjarni björk bjørg blagoy
blakely blandine blanka blaž blerina bláthnaid bo-ra bodil bogdana bogumiła bogusław bohumil
bohuslav bolormaa boonsri borghild borislav borja botond bounmy boyan boyko boštjan božena božidar
braden bradyn branislav branko brantley braxton brayan breanna bregje brendan brenna britta
bronwen brooklynn bryce brynhild brynja brynjar brynn bryson brónach buhle bujar burcu burkhard
bushra busisiwe bwalya byungho bénédicte bérénice børge bülent cade caden cahya cahyono callie
camden camelia canan candela caoimhe caoimhín carina carmelo cassandra cassidy catalin cathal
catriona cauã cayden cayetana cecilia cecilie cemal cengiz ceri cezary chaim chaitanya chaiwat
chaminda chana chanda chandra chandrika chanho chanida chanthou charalambos charlee charu
chase-william chatchai chathura chau chebet chen-wei chetan chi-keung chiaki chiamaka-grace chie
chilufya chima chinatsu chirag chisomo christa christer christiane christoph chrysa chrysanthi
chun chunhua chunyan cian ciarán cinzia citra claudiu clemente clodagh clothilde codrin colm
conceição concha conchúr conner consuelo corbin cormac cornelia corrado cosimo costel costin
covadonga crina cristóbal crocifissa cullen cyprien cyrille czesław césar cüneyt cătălin da-eun
dace daehyun dagfinn dagmara dagnija dagny dagrun daiana daichi daigo dainius dalibor dalisay
damir damon dan-dan dana dandan dane danica danuta dapo dara dardan darian darmawan darragh
darshan datu davor deandre deepali deimantė deion deirdre deisy deja delfina demba demetrius demi
denisa denzel desislava desmond desta devendra devika devin devraj dhammika dhananjay dharmesh
dhruva didier dilani dilek dimitar dimitra dimitrios dimuthu dino dinuka dipak dirk-jan divina
diyar djamel djibril do-yoon dobromir dodi domagoj domantas dominick dominika dominique donato
dongmei dongmin donnchadh donovan dorien dorin doron dov dovydas dražen drilon dritan dröfn duaa
duc-anh dumisani dumitru durga duy dáithí dániel débora dénes désiré dónal eberhard ebun ece ecem
eden-li edgardo edgars edin edina edmond edona eduarda edyta efia efren efthymios egemen egidijus
egill egils egon eha ehab ehud eibhlín eija eiji eila eilidh einar eirlys eithne eito eivind eiður
eka ekta elad eleftheria eleftherios elham eli eliezer elin elina elinor elio elior elisabet eliza
eliška elli ellie elma elmer elona elvir elín elīna emad emanuel embla emersyn emese emilian
emilija emina emmi emmy encarnación enda endang endre eneko enes engin eniola enkeleda enkhjargal
enn eoghan epp erdem erika erion erkki erla erlend erlinda ermanno ernestine ernesto ernst erol
erwin esa esam esi-ama eskil esko esmeralda espen estíbaliz etsuko eufemia eugen eugénie eun-young
eunbi eunseo evaldas evangelia evangeline evangelos evert evy ewald ewelina eyal eyerusalem
eyjólfur eyvind ezgi fabienne fabiola fabrício fadi fadime fadli faduma fadwa fahim faizal faleolo
fallon fangfang farhana farida faris farouk faruk farzaneh fathi fatmir fatoumata faustine fausto
fawaz fawzi fayez fearghal felicitas ferhat feride fermín fetu fiachra fikre fikret filip filipa
filiz filomena fionn fionnlagh fionnuala fiorella firas firmin fitore fitria fjóla flavia flavio
florante flutura flávia folarin folasade fortunato fotini franciszek františek frauke fridtjof
friedhelm frits frøydis fumio fumiya funda fábio gabija gadi gaetano galang gamze ganbold garazi
gard gaspard gaspare gaston gatis gauri gayoung geanina gediminas geert gennaro genowefa geonwoo
georgi georgios georgy gerardo gerda gerrit gert ghassan ghazal ghazi ghislaine gia-huy giacinto
giedrė gil gila gilbert gilda gilles gino gintaras gintarė girish girolamo gisli gisèle giuliana
giulio gizem gleb glyn gopal gopi gordana gorka goro gottlieb govind graciela graziella gregor
greyson gráinne gréta guido guilan guiying gunhild gunjan gunnhild gunnlaugur gunta gunther guntis
gunvor guo gurdeep gustave guðmundur gyula gyöngyi gönül gülay güler gülşen habibur hadas hadeel
hadley hafdís hafid hai-yen haiyan hakim hala halldór hallgrim hallgrímur halvard halvor halyna
hamad hamdi hamoud hande handoko haneen haneul hani hanin hanne hanneke hannelore hannes harald
hardik hari harini haris haroun harsha harshad hartmut haruna haryanto hatem hattie hau haukur
hayat haytham hazem haziq hedda hedwig heejin hege heidrun heiki heiko heino heiða hekla helena
helge heli helle helmtrud hemlata henning henrike henryk hernán herta hiba hichem hideaki hideki
hideo hideyoshi hikari hikaru hila hilal hilde hildur hilkka hillar himanshu hine hiraya hiro
hiroaki hirofumi hiroko hiromi hironobu hisako hitesh hiyori hjalmar hoai holger homa hongmei
hongyu honoka horia hortense houda hrafn hrefna hristo hrvoje hryhoriy htet huan hubert hugues
huifang huiling hussam hyeonwoo hyunjin hywel iacob ibtisam ichiro idoia idrissa iestyn ieuan ieva
ifedayo ignas ihab ika ikhwan ikuko ila ilan ileana ilham ilie ilir ilker ilkka illari ilmari
ilona ilze imad imelda imen immacolata inas inbal inbar inderjit indira indranil indrek indrė
inese inga inge ingemar ingibjörg ingolf ingvar ingólfur inkeri inti ints ioan ioanna ioannis
iolana iolo ionel iori ipek ippolito iqra irini irja irma isaiah isamu ishan isidore issa itamar
itsuki itziar itzik iulia iulian ivailo ivar ivica ivo iwan izabela izabella iñaki iñigo jaakko
jaan jaanus jaap jaber jace jacinta jacinto jaden jaewon jafar jagannath jagdish jahangir jairo
jaleh jamar jan-willem janaki janez jani janina jannike jarkko jarl jarmila jarmo jaromír jarosław
jasim jasleen jasmin jasmina jasvinder jatin javad jawad jayant jayce jayesh jaylen jazmin
jean-baptiste jean-marc jean-paul jean-pierre jemma jenna jensen jenő jermaine jernej jesper jett
jhon jhun jia jia-hui jiang jianping jiaxin jie-ying jignesh jikke jin-woo jindřich jingjing
jinhua jiro jiyoung joaquim jochen jolanda jolanta jolina jonghyun joohyun joon-ho joonho joris
jorunn josef josiah josip josu joséphine jouni journee jovan joyce-marie jozef jože judah judit
judyta juho juliana julianna jumoke jun-seo jungho junhao junichi junko junseo juraj jure jurgis
juris jussi justinas jyrki ján jóhann jóhanna jónas józef jørgen jūratė ka-ming kaarina kaarlo
kacper kadir kaede kahu kai-uwe kaia kaiden kaido kaija kaimana kaja kalani kaleb kalena kalina
kalju kalle kalliopi kalvis kalyani kamal kamala kamel kamila kamini kamon kamrul kanako kanika
kanna kanoa kanokwan kaoru kapil kapono karamjit karima kariuki karolis karsten karter kartik
kason kasun katarina katarína kati katja katla katsu kaushal kawika kayden kaylee kayo kazumi
kazuo keala keegan keisuke kekoa kenan kendra kentaro kenzie keoni keren kersti kerttu keshav
keshawn ketan khadra khairul khalida khalil khamla khloe khoi kian killa kim kimmo kinga kipchoge
kiprono kiri kirsi kirsten kishore kittisak kiyoshi kjersti klaas klas klaudia klodian klára
kohaku koichi kolbrún koldo kondwani konstantina konstantinos kornelia kosal kotone kou krasimir
krishnan kristaps kristian kristiina kristijan kristin kristjan kristján kristoffer kristín
kristýna kriti kudzai kujtim kukua kuldeep kumari kumud kunigunde kunle-ade kurnia kurniawan
kwanchai kwok-wai kyaw kyoko kyriaki kyriakos kyrylo kyungsoo kyösti károly kübra külli kārlis
kęstutis lachlann ladislav laetitia lahiru lahja laima laimutė lajos lakhdar lakhwinder lakshmanan
laleh lambros lamia lamija lamis lanh lanying lasse lassi latasha laurențiu lautaro lavanya
lavinia laxmi leandro ledio leevi leidy leighton leilani leire lejla lembit lemlem lenuța leona
leonidas leonila leota leszek lev levent li-ming li-na lian liat liban libor lidia lidiya liene
liesbeth liesel lieselotte ligaya lihi lihua liina lijuan lilah lili liliana lilja lilla lilly
limei limor linas lincoln-james lindita ling liping liridon lise liviu lixin liyana ljiljana
ljubica llinos lokelani lorcan lorcán loredana lorenza lorna losa lothar lotta luboš lucian lucien
lucienne lucio lucyna ludovic ludovica luitpold luiz lukman luljeta lungile lutfi lyla lyubomir
léandre léon léonie lúcia maaike maarit maarja maayan macy madalena madeline madelyn madhav
madhuri madis madoka mafalda magne magnús mahad mahbub mahela maher mahima mahina mahiro mahnoor
maija maiko mairéad mait maite majed makana maksim malachi malek malia malin malini mamoru mamoun
mamta man-yee mana manaia manal manami mandana mangala manjit mansi marcel marcella marcello
marcelo margit margrét margus mari marian mariangela mariano maricar marios marit mariusz marivic
mariya marián marje markku markéta marlene marlon maryse maryuri marzena masa masahiro masaki
masako masami masao masaru masayuki masina matej matevž mathijs mattia matěj maurice maximiliano
mayank mayu mazen mazlan mbali mckenna mechthild meelis meghna mehran mehrdad mei-ling meike
meilin meiling meinir meir meirav meital mekdes melati mele melike meltem merel mergim merike
merima merja meron mert mervi metin mhairi micaela micah michalis michela michèle midori
mieczysław mieke mihi mihir mihnea miika miina mikel mikk miklós mikołaj miku mila milena miloslav
mimoza minako mindaugas minghua mingming minh-anh minjae minoru minsu minsung miodrag miranda
mircea mirela mirja mirjami mirjana mirko mirza mitja mitsuki mitsuko mitsuru miyuki mizuki mladen
moana modestas modupe mohini mojgan moniruzzaman mordechai morenike morven mosi mostafa mourad
mridula muireann mulugeta muna murad murdo mutsa mwangi mwansa mwila mya myint mykhailo myles
mythili máire máirín márcio márta mátyás mélanie mélissa māris mădălin mădălina nabeel nabila
nacer nada nadeem nadeesha nader nadim naděžda naeem naila naima naina naji najib najla namrata
nana-ama nanda nandini nao naoise naoko naoto narayan narong nasima nasr nasra nassim natale
natalya natsumi nattaya nava naveed navid navin nayeon nayra nazlı ndeye nebojša neda nedim neelam
negash nejc nektarios nelu nemanja nerea nerijus neringa nermin nesrin nestor ngaire ngan ngoc-anh
nguyen-an nguyet nia nicolae nicoleta nicoletta nidal nidhi nienke nihad nihan niina nikau nikita
nikolaos nikolaus nikša nilesh nilüfer nimal ning ninon nir niran nirmala nishant nisreen nitzan
njål nobu nobuko nobuo noelani nok nokuthula nong norah norma noureddine novi nuala nuha nunzia
nupur nura nuray nuwan nyoman nóra octavian octavio oddny oddvar odette odhrán ofer ofir ofra
ognyan oisín oiva ojas ola olabode oladele olanrewaju olaug oldřich oleksandra olli olu olufemi
omran omri oren oreste orla orly orsola ortrud osamu oskars ottavio ottilie ourania ovidiu
oyuunchimeg paavo padmini pailin palani pallavi panagiota pankhuri pantelis paraskevi parth partha
parul parviz pascale pasquale patryk pattama pauliina paulina paulius paulo pavan pavla pavlos
pavlína pavol payton peadar peeter pegah penda pentti periklis permata perrine petar petri
petronela petros petru petya phaithoon phalla phuong-anh piera pierluigi pierrick pimchanok piret
pirjo pirkko plamen pornthip povilas prabin prabowo prachi pramod pranali prasad prasert pratibha
pratik pratima praveen praveena predrag prerna priit primož proinsias pua purnima puspita putu
pádraic pádraig páidí pál páll pēteris přemysl qian qiang-wei qingqing quan quilla quinten
quoc-bao rabab rabia rabie rabin rachid radek radhika radim radka radomír radoslav radovan radu
radwan raed raegan raelynn rafik raghav ragna ragnar ragnheiður raheem rahmat rahmawati raija
raimo raimondas raimondo raimonds raivo rajani rajat rajendra rajinder rajni raju rakan rakhi
ramakrishna ramil ramiro ramunė ramya ramzi randi rangga rangi ranjana ranjit rasa rashad rasheed
rashi rashida rastislav ratan ratchanee ratko rattana ravinder ravit rawiri reda redouane reema
reet rei reijo reina reinhold remi remi-ola renato renu renzo retno revati rhian rhodri rida rie
rigers rihards riho riitta rik rika riko rima rimantas rishabh rishi risto rita ritika rituparna
ritva river-rose rizwan rodolfo roel rogelio rok rokas rola rolando romana romina romolo rong
ronit rosalba rosaria rositsa rosli roswitha rotem ruadhán ruairí ruaridh ruel ruiqi ruka rula
rumen rupali rupert rupesh ruti ruud ruwan ryker rylan rylee ryohei ryszard ryuji ryunosuke régis
rémi róbert rónán rúnar rüdiger rıza rūdolfs saba sabah sabri sachiko sadhbh sadia sae saebyeok
safa safwan sagit sahar saher sahil saidi saif saja sajid sakari sakchai saleh salwa samah samer
samia samrawit sanath sandis sandun sanem sangwoo sanja sanjeev sanna santina sanya sapna sarit
saroj satoko satoru saulius saverio savita sawsan sayuri saša sead seda sedat seema sefo selma
selvi sema semisi senad seojin seokjin seonaid seppo serap serdar setiawan settimio seung-hoon
seungho seungmin sevgi sevil seyi seán shachar shadi shadia shahid shahida shahrzad shailesh
shaima shakti shalom shamim shani shanika shaniqua shantanu sharad sharif sharmila shashank shashi
shatha shekhar sherif shigeru shikha shinichi shiv shkodran shlomit shmuel shobha shola shoshana
shpend shraddha shu-fen shuang shubham shufen shuhua shulan shweta siamak siaosi siddhi sidra
sieglinde sietske sigit sigríður sigurd sigurjón siim siiri silvio silviu silviya simin simo simão
sinan sintija sinéad sione sirje sirpa sisko sita siu-ming siv sivakumar siyabonga siân siún
slavica slobodan smaranda smita snehal snorri snædís soe sofiane sofiia sohail soheil sokha
solange soledad somphone somporn somsri soojin sooyeon sooyoung sophal sophea sora soraya sorcha
sotiria sotiris soufiane souleymane souta sowmya soňa spyridon spyros srinivas srđan stamatis
stanimir stanislava stavros steffan steffen stefán steinar steinunn stelian stelios stevan stig
stiven stjepan stoyan subha subhadra subhash subramaniam suchada sudhir sufian sugeng suha suharto
suhas sujata sujit sukarno sukhbaatar suleiman sulo sumaq sumit sumitra sunaina sundar sune
sunghoon sunisa sunmi supachai supriya surasak surekha surya sushil sushma suvi svatopluk svein
sveinn svend svenja svetoslav swapna syahirah sylvain synnøve szilvia sándor séamus ségolène
sérgio sólveig sönke taavi tadas tadej tadesse taehyung taeyang taha taher tahir tahmineh taiga
taina taisto takis takumi takuya tal tala tali tama tamika tamim tapani tapio tarja tarkan tarmo
taufik tayo teagan tebogo teemu tejas tejinder teodor teodora teodoro terhi tevita thamer thanasis
thandar thanh-hoa thein themis theodora theodore theodoros theresia thi thida thilini thiru
thitima thoko thora thu-trang thuan thérèse tian tibor tiina tiit timothée tinashe tingting
tiziana tjerk toivo tomer tomislav tommi tomomi toomas torgeir toru torunn torvald toshiaki
toshiko tosin traian tri triin trine trupti tryggvi tsegaye tsetseg tsubasa tsumugi tsuyoshi
tsvetan tsvetelina tuan-anh tui tullio tumaini tuncay tuomo turid turki tushar tuula tuuli
tuulikki tuyen tuyet tyrell tyshawn tytti tzipora türkan ubaid ugo ujjwal uldis ulf ulla ulrik
ulrike uma unni unnur upul urho uri urmas urmila uroš uta uzma vaibhav vaida vaidas valbona valdas
valdis valdís valeriu valon valtteri van-an vangelis vannak vasanth vasco vasil vaso vassilis
vasudha vebjørn vedant vedran veikko veit veli vello vesa veselin vesna vibha victorine vidar
vidas vidhi viera vigdis viggo vija vikrant viktoriya viktória vilho viliami vilma vimal vineet
vinh-long violette viorel vipin virgil virgilio vishnu vitaly vittoria vivaan viviana vjosa vlad
vladimír vladislav vlasta vojislav vytautas věra wacław wadih wafa wai-man wajdi wala waldemar
wanida warsame warunee wataru wayan waylon weidong weiguo weihua weijie weiwei wen-jie wendelin
wenjun wenwen wibowo wiebe wiebke wiktor wilfredo wilfried wilhelmina wilmer witold wonho wyn
władysław włodzimierz xabier xander xanthi xaver xiao xiao-ming xiaobo xiaodong xiaofeng xiaohui
xiaojun xiaoli xiaolin xiaomei xiaoping xiaoyu xiuying xolani xoán xuan xuan-mai xuemei ya-ting
yaaba yacine yacouba yago yahya yair yamato yamila yamina yamini yana yanling yannis yanping yara
yarden yasin yasuko yasuo yavuz yazan yağmur ye-jin yehuda yehudit yejin yemisi yeonwoo yerin
yesenia yestin yetunde yeşim yi-ting yifan yihan yingying yiorgos ylli yngve yoav yogesh yogita
yonas yoonah yordan yordanka yoshiko yoshiro yossi yosuke younes young-hee young-soo youngmin
yousra yrjö yu-jin yuchen yudha yuhan yuika yuina yujie yujin yukari yukiko yuliana yuliia yuling
yumei yun yunfei yunus yupanqui yuriy yuta yutaka yuuki yuval yuzuki yves zafer zainabu zakiya zaw
zayden zayed zdeňka zdravko zehra zeina zenzi zewdu zeyad zhenyu zhi-wei zhijun zhiyuan zigmārs
zinaida ziv zohar zohra zola zora zorica zsolt zubair zuberi zuhair zulkifli zvi zvonimir zygmunt
ágnes áine ásgeir ástríður åke åsa åse éabha éamon éilís élise émile étienne évelyne íde ólöf
órlaith özge özgür ørjan úna ülle ümit þóra þórunn þórður ľubomír ľudmila łucja şule şükrü šarūnas
štefan štěpán štěpánka šárka žan žaneta željko žiga žydrūnas ștefan άννα ανδρέας αντώνης γεώργιος
ευαγγελία θεόδωρος ιωάννης κωνσταντίνος νικόλαος πέτρος παύλος σπύρος σταύρος φωτεινή χριστίνα
алла ана анатолий аркадий арсений валентин валерий василий виталий владислав вячеслав геннадий
георги георгий глеб горан димитър драган елизавета жанна зинаида зоран зоя иванка инна лев лидия
любовь маргарита марко матвей милан наталия никола нина петро радослав семён степан стефан тамара
тимофей юлія яна іван јелена
)";

// Given names that are also words, places or very short syllables.
const std::string_view kAmbiguousGivenNameWorldText = R"(
ace ai akin ante ants aspen aster aston athena bailey basel bay beau bentley blessing bola bridger
bristol cadence carson chandler cherry chester cheyenne chi comfort concepción cooper dakota
dalton dante dawson deacon delaney duke ebony edit else ember emerson emery fen finley fletcher
gage gal gen genesis gentian gift griffin gunner hamilton happiness harlow harsh hayes henna hind
holden jaguar jihad ken kendall king kingsley lam lama lexus lien liming loan lone lu luz maddox
made major mallory mao mar marley marquis mart mate mats maverick mckinley melody memory min my
nash neo nil nova oakley odin olympia oz paz piper pita porsche precious presley preston prince
queen rain raja reagan remington riley royal rune sage saki salvador samara sang serenity shams
sloane sol star stein sterling sunday sutton tamer tatum thor till ting tone tore tu tuba tucker
tudor tun wagner weston wilson wolfram yi yuan zion zé
)";

}  // namespace metagate::classify::text
