// More family names by region, written from general knowledge. Lower case, NFC; names that are
// also common English words are left out.
#include "text/surname_table.h"

namespace metagate::classify::text {

const std::string_view kSurnameWorldText = R"(
abbasi abbott abboud abdi abdullah abebe abernathy abraham abramov abramova acar acevedo acharya
acheampong achieng ackerman acosta adamczyk adamska adamski addo adeleke ademović aden adewale
adhikari adjei adu afanasyev aggarwal aguirre agyeman ahluwalia ahmad ahmadzadeh ahonen ahuja
akana akgül akhtar akimov akinyemi akinyi akiyama aksenov aksoy akın al-hashimi al-masri al-rashid
al-sayed alam albrecht aldridge aleksandrov aleksandrova alekseeva alemu alexiou alford aliyu
alonso alston alvarado amar amato amin amini ammann amoah anagnostou anand ando andrade andreassen
andreeva andrzejewska andrzejewski angelis angelopoulos angelov angelova anisimov ansah ansari
antal antoniou antonov antonova antunes antwi appiah apte arai arakawa arkhipov arnaud arora asadi
asamoah asano ashby ashworth assefa atanasov atanasova ateş athanasiou atkins atkinson atwood
aubert aumua avcı avraham axelsson ayala ayers aylward azevedo aziz azoulay babatunde babbage
babić bachmann bagheri bagley bai bailly bain bainbridge baird bajaj bajwa bak bakke balakrishnan
baldwin balodis balog balogh balogun baloyi balázs bandara bangura bansal bapat bara barak baran
baranov baranova baranowska baranowski barbier barbu barclay barik barlow barnard barnett barnhart
barone barr barrera barrett barros barry bartlett barton bartoš basile batista battaglia baumann
baxter bayram başaran beasley beaulieu beaumont beckett beckham bedi begić behera bekele bellini
belousov belov belova belyaev belyaeva ben-ami ben-david benavides benedetti benedict beneš
benešová bengtsson benoît benson bentley benítez berger bergeron berglund bergman bergmann
bergström berhane berisha bermúdez bernardi bernhardt bertrand besson bezerra bhalla bhandari
bhardwaj bhatia bhatt bhattacharya bhatti bhosale bianco bingham biryukov biró biswas biton björk
blackburn blackwell blair blake blanc blanchard blanco blažek blažević blevins blom boakye boer
bogdanov bogdanova bogdán bolduc bolton bondar bonner boone borisov borisova borkowska borkowski
boros boswell botha bouchard boucher bouvier bowen boyce boyko boyle bozkurt božić božič bradford
bradshaw brady bramwell brandt brar brenner briggs bristow broadbent brockman bromley brouwer
browne brun brunner bruno brzezińska brzeziński buchanan buckley buckner bulut burgess burke
burnett burroughs burton busch buthelezi butkus bwalya byers bykov bykova bytyqi byun bélanger
bérubé böhm bühler bąk bērziņa bērziņš caballero cabrera cain caldwell callahan calloway calvo
camara cameron campos camus cano cantrell caputo carbone carey carlson carmel carmichael carmona
caron carpentier carr carrasco carrillo carson caruso casey cassidy castaneda castañeda cattaneo
cavalcanti ceesay cele cervantes cha chaddha chadha chadwick chae chanda chandra chang chapman
charpentier chaudhary chauke chavan cheon chernov chernova chernyshev chevallier chikwanha
childress chisholm chiwenga chmielewska chmielewski chong chopra choque choudhury chowdary
chowdhury christiansen christie christodoulou christou chu chua chukwu churchill cieślak ciobanu
cisse cissé claes claiborne clarke clayton clements clifford cloutier clément cobb cochran
cochrane coelho coetzee cohen colbert cole colin collet colville compton condori conley conner
connolly conte conteh contreras conway cooke copeland coppola corcoran cornell coronado cortés
costantini costello coulibaly coşkun craig crespo cristea crosby crowley cui cullen culver
cummings cunha cunliffe curran curtis czarnecka czarnecki czerwińska czerwiński cárdenas côté
d'amico d'angelo dahan dahl dai daka dalrymple dalton daly damico danforth daniel danilov danilova
danjuma danso darby darko darwish dave david davidson davies davydov davydova dawson dearborn
decker delaney delgado delić delmas demidov demin dempsey denis denisov denisova dennis denton
dervishi deshpande desjardins desmond desta devlin dhawan dhillon diallo dickson dietrich dijkstra
dillon dimitriou dimitrov dimitrova dimov dinh dinu diop diouf dissanayake dixit dizon dmitriev
dmitrieva dmytrenko dobre dodd doherty dokgo doležal doležalová donahue donati donnelly donovan
dorsey doshi dougherty dowling dreher driscoll duan dube dubey dubé duda dudek dudley duffy dufour
duggal duman dumas dumont dunbar dunham dunlap dunne durant durán duval dvořáková dávila díez
dąbrowska eastwood eaton ebert ebrahimi eckert eckhart economou efimov efremov egal egger egorova
einarsson ekinci ekka ekström elbaz eliseev elliot ellison ellsworth emelyanov emerson ene engel
engelhardt england engström eom erdem erdoğan eremin eren eriksen ermakov escobar esfahani
espinoza esteban estrada everett fabbri fairchild falk farah farahani farkas farley farnsworth
farrell faulkner faye fazekas fedorova fedotov fehér fekete fenton fenwick fernandes fernando
fernsby ferrara ferraro ferrer ferretti ferri fiala fialová fifita figueiredo figueroa filatov
filippov filippova finley finnegan fiore fitzpatrick flanagan fleischer fleming fletcher fleury
florea flynn fodor foley fomin fomina fong fonoti fontenot forbes forrest forsberg forsythe fortin
fourie fowler francis franco franke françois fraser frei freitas friedman friedrich frimpong
frolov frolova fuentes fujii fujiwara fukuda fulton furukawa gabay gagnon gagné gaikwad gaillard
gajewska gajewski galang galbraith galindo galkin gallardo gallego gallegos galli gandhi gannon
garba garg garrett garrido gashi gatti gauthier gautier gavrilov gavrilova gebhardt gebre george
georgiev georgieva gerasimov gerber ghasemi gil gilbert gilchrist gillespie gillet gilmore gim
giménez giraud girma giroux gitau giuliani gladstone glover godbole goddard goh gokhale golan
goldberg goldstein golob golubev golubeva goncharov goncharova gonzales gonçalves goodall goodman
goodwin goossens gopalan gorbunov gorman gorshkov goswami gough gould goyal graaf grabowska
grabowski grachev grady graf grassi grasso grayson greenwood greer gregory gresham grewal grgić
griffith griffiths grigoriev grigorieva grishin gromov groot grover groß gruber guerra guerrero
gueye gulati gulyás gunawardena gunn gunnarsson gurung gusev guseva guzmán guérin guðmundsdóttir
guðmundsson gwon gyamfi gál górska górski gül güler güneş günther güven głowacki haan haas habib
hadad hadebe hadžić hagen hahn haile hailu hakim hakimi halliday halstead halvorsen hamada hamid
hammond han hancock hanna hansda hanson hansson hao haque hara harada hardwick harland harlow
harmon harrington hartley hartman harun harvey hasani hasanović hashemi hashimi hastings hatfield
hathaway hattori hauser havili hawthorne hayden haynes haywood hedlund hegarty hegde heidari
heikkilä heinonen heinrich heller hellström hembram hendricks hendry heng henriksen henriques
hensley heo herath hermann herrero hidalgo higgins hilton hines hinton hirano hirata hirose
hnatyuk hobbs hodges hodgson hodžić hoekstra hofer hohaia holcomb holden holland holloway holm
holmberg holt holub hooper hopkins horie horne horomona horton horvat horáková hoshi hoshino
hoskins hossain hou hough hovland howe howell hoxha hristov hristova hrytsenko huamán hubbard
huber hubert huffman huisman humphreys hurst husić hussein hutchins hutchinson hwangbo hyun hájek
hájková ibarra ibe ibáñez ichikawa iglesias igwe iida ikeuchi ilie iliev ilieva ilić ilves ilyin
imai ingalls ingram ioannidou ioannou irwin isaev isaeva isaksson ishida ishiguro ishihara ishii
ishizaki islam ismail ivanchenko ivanenko iwamoto iwasaki iyengar jaafar jabłońska jabłoński jacob
jacobs jacobsen jadhav jaggi jakab jakubowska jakubowski jalloh jallow jama jamison jani
jankauskas jankauskienė jankowska jansone jansons janssen jansson jarvis jasińska jasiński javed
jaworska jaworski jayasuriya jayawardena jean jefferson jeffries jegal jelínek jelínková jennings
jesus jia jin johannessen johnsen johnston jokinen joly jong jonsson joo jovanović joyce juhász
julien jurić juárez jäger järvinen jónsdóttir jónsson kabwe kadam kadlec kahale kahananui kaiser
kakkar kalinin kalinina kalinowska kalinowski kalniņa kalniņš kalra kamaka kamara kamath kamiya
kamińska kanda kaneda kaneko kanoho kaplan karaca karagianni karagiannis karakaya karam karanja
karim kariuki karjalainen karki karlsen karpenko karpov karpova karve kashani kask kastrati katona
katsaros katz kaufman kaur kavaliauskas kawaguchi kawamura kazakov kazakova kazemi kazlauskas
kazlauskienė kaçar kaźmierczak kealoha keane kearney kearns keating keaton keawe kebede keegan
keita kelemen kelleher keller kelmendi kemp kendrick kenny kent kerketta kerr keskin khadka khanna
kharitonov khokhlov khuc khurana kibet kidd kieu kikuchi kilpatrick kimani kimaro kincaid kingsley
kinnunen kinoshita kinsella kipkemboi kiprop kiptoo kirby kirillov kirk kirkland király kis
kisanga kiselev kiseleva kitamura kitano klimov klimova klymenko knežević knox knudsen knyazev
kochhar kocsis koga koh kohli kojima kok kolb kolesnikov kolesnikova kolev kolář kolářová komarov
komarova komatsu kondratyev kone konečný kong konovalov konstantinidou konstantinou koné kopecký
koppel korkmaz korolev koroleva koroma kos koster kostić kostopoulos kothari kotov koval kovalchuk
kovalev kovaleva kovač kovačević kovačić kováč kovář kowal koyama kozlova kozłowska kołodziej
krajewska krajewski krajnc kralj krasniqi krasnov kraus kravets krishnan kristiansen kristjánsson
krylov krylova král králová krämer król krūmiņš kubiak kubo kubota kucharska kucharski kudo
kudryavtsev kuhn kujur kukk kulikov kulikova kumara kurian kurihara kuroda kurosawa kuruvilla
kuzmenko kuzmin kuzmina kučera kučerová kwak kwan kwiatkowska kwiatkowski kwok kyei kyriakou kühn
kříž lacey lacroix lahtinen lai laitinen lakatos lakra lamba lambrou landry lang langley lapointe
lara larkin larson laskowska laskowski latham lathrop latu lavoie lawal lazarev lazareva lazăr
lebedeva leblanc leclerc leclercq leeuwen legrand lehtinen lehtonen leitner leka lemaire lemaître
lemoine lenka lennon leone leonov leonova leota levchenko levi levin liepiņš lim lindberg lindgren
lindholm lindqvist lindsay lindström lis lloyd lockhart lockwood logan loginov lombardo longo
lorenz lorenzo loughlin lourenço lovell lovrić lowe lowry lozano luca lucas ludwig lui lukyanov
lukács luna lundberg lundgren lundqvist lungu luong luthra lyimo lyons lysenko lászló lévesque
maas mabaso macaraeg macaulay machado maciejewska maciejewski mack mackay macleod macmillan
macpherson madan maddox maeda maes magar magnusson magyar mahajan mahapatra mahlangu mahler
mahmoudi mahoney mai maillard maina maitland majewska majewski makarova makowska makowski makri
makris maksimov maksimova maldonado malinowska malinowski malka malloy malone maloney maltsev
maluleke malyshev malý mamani manalo mann manole mansaray manu marchand marchenko marchetti
marciniak marek marin marini marić markov markova marković marková marlowe marques marshall
martinelli martino martynov martín maruyama marín maseko masilela maslov maslova masri massawe
masson masuda matei mathebula mathew mathieu mathur matić matos matsuda matsui matsumura matsuo
mattila mattsson matveev matveeva mavros maxwell mayer mayorov mazurek mazza mbaye mbewe
mcallister mcbride mccabe mccall mccann mccarty mcclain mcclure mccormick mccoy mccullough
mcdaniel mcdermott mcdowell mcfarland mcgee mcgowan mcgrath mcguire mcintosh mcintyre mckay
mckenna mckinney mclaughlin mclean mcleod mcmahon mcmillan mcnamara mcneil mcpherson mcqueen
medeiros medvedev medvedeva meer mehmedović mehra meili mejía mekonnen melnikov melnikova meng
mercado merritt merwe messina metcalf meunier meza mhlanga mia michailidis michailidou michalak
michalska michalski middleton mihai mikhailova mikheev milani milošević minami minz miranda
mironov mironova mitrofanov mittal miura miyamoto miyazaki mizrahi mizuno mizutani mkapa mkhize
mlakar mochizuki modi moen mofokeng mohammed mohamud mohan mohanty moiseev mok moldovan molefe
molina mollel mondal montague montanari montero monti montoya mooney mora moran morelli morin
morina morita moroz morozova morrison morse mortensen mortimer moseley moser moulin moura mousavi
moya moynihan mpofu mrema mthembu mugo mulenga mulholland mullen mulligan mullins mumba munda
munro munteanu murata murmu murthy musa mushi musil musonda musyoka mutasa mutua muñoz mwakyusa
mwale márquez mägi mäkelä méndez mészáros möller møller nagai nagano nagpal naik najafi najjar
nakagawa nakajima nakamoto nakanishi nakano nakashima nakata nakayama nam namgung nanda napier
narang nash nassar natarajan naumov navarrete navrátil nayak nazarenko nazari nazarov nazarova
ncube ndiaye ndungu negash negri nel neri nesbitt nesterov neves newcombe newman ngata ngcobo
nicholson nicolas niemi nieto nikiforov nikitin nikitina nikolaeva nikolaou nikolić nikolov
nikolova nishida nishikawa nishimura nishiyama nistor niwa nixon njuguna nkrumah nkuna nnaji
noguchi noh nolan nomura nordin nordstrom norris norton norwood novikova novotná novotný novákova
nováková nowakowska nowakowski nowicka nowicki noël ntuli nugent nwachukwu nxumalo nyathi nyerere
nyström németh núñez němcová němec o'callaghan o'donnell o'dwyer o'hara o'keefe o'leary o'mahony
o'malley o'neal o'reilly o'rourke o'shea oakley oberoi ochoa oda odhiambo odum ofori ogden
ogunbiyi ogundipe ogura ohana ohno oikonomou ojo okabe okamoto okamura okoro okubo okumura oladipo
olawale oliynyk olszewska olszewski olvera oláh omar omondi omura ong onishi ono onuoha onyango
onyekachi opoku oraon orbán orlova orozco orsós ortega osborne osgood oshima osipov osipova osman
ostrowska ostrowski ota otani otsuka otto ouellet ovchinnikov owen owino oyelaran ozoliņa ozoliņš
ozols pacheco padilla pagano pai palacios palakiko palmer palmieri palumbo panagiotopoulos panov
papadaki papadopoulou papageorgiou papanikolaou papp pappa pappas paquette parata paredes parekh
parida parisi parkinson parra pascual patil paulauskas pavić pavlenko pavlidis pavlova pavlović
pawar pawlak pawłowska pawłowski payne pearce pearson peeters pellegrini pellegrino pelletier
pemberton pendleton pennington percival perera peretz perić perrin perrot perry petkov petkova
petrauskas petrauskienė petrenko petrović pettersen pettigrew peña pfeiffer philpott phua picard
pichler pickering pietrzak pineda pinkerton pintér piotrowska piotrowski piras pires platt plessis
plotnikov pohl poirier pokorná pokorný polat polishchuk pollard polyakov polyakova polák
ponomarenko ponomarev poole popović pospíšil pospíšilová potapov potočnik poudel poulsen powell
prabhu pradhan prasad pratt preda prescott pretorius prieto prins pritchard pritchett procházka
procházková prokhorov prokofyev przybylski puri pärn pētersons qian qiao qin qiu quach quek
quigley quinlan quintero quiroga quispe radcliffe radebe radić radu rafferty raghavan rahim
rahmani rai raina rajapaksa ramachandran raman ramsay ramsey rana ranade ranasinghe randall
randhawa ranganathan rangel rankin rantanen rashid rastogi ratcliffe rathore raval rawlings raza
razak rebane redmond regan reid reilly renard renaud renshaw rey richard richards ridley rigby
rinaldi rincón riordan ritchie ritter riva rivas riviere rivière rizzi robles roche rodionov rojas
rolland romanov romanova román rooney rosa rosales rosenberg ross rossetti rostami roth roussel
roux rowe ruatapu rubio rudenko ruggiero rumyantsev rusu rutherford rutkowska rutkowski rybakov
ryder rácz ríos růžička růžičková saar saarinen sabbagh sabharwal sachdev sadowska sadowski
safonov sahni sahoo saito sakai sakala sakata sakurai sala salazar salehi salinas salminen salo
salonen salunkhe sampson sandberg sandhu sandoval sandu sani sanna sano santana santis sanz
sargent sarkar sarpong sarr sartori sarı sasson sauer saunders savchenko savelyev savin savolainen
sawada sawant sawicka sawicki saxena sayed scanlon schaefer schmitz schofield scholz schouten
schreiber schubert schulte schultz schumacher schuster schwartz seck sedláček sedláčková segal
sehgal seidel seki semenova senanayake seok seon seonwoo sepp sepúlveda sergeev sergeeva serra
serrano sesay sethi seymour shabalala shackleton shalom shannon shao shapiro sharifi shaw shayo
shcherbakov shea shehu shelton shemesh sheridan sherwood shetty shevchuk shi shibata shimada
shinde shipley shiraishi shirazi shirke shrestha shu shukla sibanda sidhu sidorov sidorova
sigurðardóttir sigurðsson sikora sikorski silvestri simard simonov simões sinclair sinha sipos
sithole sjöberg skinner skvortsov slater slocum smet smits soames soares sobczak sobolev soboleva
sodhi sofronov sokolova sokołowska sokołowski solberg soler solovyov solovyova soltani solís
sommer soni soren soriano sorokin sorokina sorrentino sotiropoulos soto spalding spencer
srinivasan srivastava stafford stanciu standish stankevičius stanković stanley stanton
stavropoulos stavropoulou steadman steele stefánsson steiner stepanova stephenson steyn stoddard
stojanović stoyanov stoyanova stratton strickland stuart stępień subramanian suga sugano sugawara
sugimoto sugiura sugiyama suleiman sundberg suri sutherland sutton svendsen svobodová swaminathan
sweeney sydorenko sylla szalai szczepańska szczepański szewczyk szilágyi szulc szymańska szymczak
szűcs sáez sándor söderberg sönmez tadesse tajima takada takagi takano takayama takeda takenaka
takeshita takeuchi takács talbot tamang tamihana tamm tamura tanabe tandon taneja taniguchi
tanimoto tao tapia tarasov tarasova tate taufa tavares taş tehrani tekin temba tembo tennyson teo
terada tesfaye testa thackeray thai thakkar thapa theodorou thibodeau thiel thomsen thorne
thornton thurston tierney tieu tigga tikhomirov tikhonov tikhonova tillman timofeev timofeeva
tipene tirkey titov titova tkachuk tobin todd todorov todorova todorović toh tolentino tolliver
toma tomaszewska tomaszewski tomić toppo toure touré townsend tracy traore traoré trask tremblay
triantafyllou trinh tripathi trivedi trofimov truman truong tsakiris tsegaye tshabalala tsuchiya
tsuji tsvetkov tudor tudu tuilagi tully tunç tuominen tupou turan turay turk turnbull turunen
tyler török uchenna uchida uchiyama uddin ueda umeda underwood upadhyay uppal upton urbańska
urbański urbonas usman uysal uzor uçar vaipulu vaknin valdez valentini valenzuela vance vaněk
varghese varma vasile vasileiou vasilev vasiliauskas vasilieva vasylenko vaughan vega velasco
venkatesh venter vera verhoeven vermeulen veselá veselý vicente vidal vidmar vidović vieira
villalobos villarreal vinogradov vinogradova vitale vitali vlachos vlasov vlasova vlček vogel vogt
vohra voigt vora vorobyov vorobyova voronin voronina voronov vries vuković vuong vyas wada wadhwa
wafula wagh wainwright wakabayashi wakefield walcott walczak waldron walia wallin wallis walter
walton wanjiru warburton wardell warner warsame washburn wasilewska wasilewski webster weiss weiß
wekesa wentworth whaanga whata whelan whitaker whitehead whitfield whitmore whitney whittaker
wickham wickramasinghe widmer wieczorek wihongi wilcox wilk wilkins wilkinson willems williamson
wimmer winkler winslow winthrop witherspoon witkowska witkowski wiśniewska wolde wolfe wolff
woodruff woodward worthington wouters wróbel wróblewska wróblewski wyatt wysocka wysocki
włodarczyk xavier xaxa xia xue yagi yakovenko yakovlev yakovleva yamanaka yamane yamashita yan yao
yardley yaremchuk yasuda yates yavuz yazdani yeboah yeo yeom yin yohannes yokota yokoyama yoo
yordanov yordanova yoshikawa yoshimura yoshioka yudin yurchenko yusof yusuf yücel zaitseva zając
zakharov zakharova zakrzewska zakrzewski zalewska zalewski zamani zamora zapata zariņš zawadzka
zawadzki zeman zemanová zervas zhong zhuk zhukov zhukova zhuravlev zhuravleva zielińska ziółkowski
zungu zupan zúñiga zürcher åberg çakır ólafsson özcan özer ünal čermák černá đorđević đukić şen
şimşek šarić šimek štěpánek žukauskas
)";

}  // namespace metagate::classify::text
